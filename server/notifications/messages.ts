import { REPLY_CHOICES, type OutboxKind, type ReplyChoiceKind } from '~~/server/database/schema'
import { formatDateTime } from '#shared/utils/dates'
import { VERIFICATION_CODE_MINUTES } from '#shared/verification/schemas'
import { eventMessageText } from '#shared/events/messages'

export interface MessageContext {
  city: string
  title: string
  startsAt: string
  place: string
  partySize: number
  code: string
  waitlistPosition: number | null
  ticketUrl: string
  releaseUrl: string
  /** feedback: the page asking how it was (behind the ticket's token). */
  feedbackUrl?: string
  /** event-changed: what moved ('time', 'place', 'time,place'). */
  changed?: string | null
  /** event-message: the organiser's words (at most 70 characters). */
  note?: string | null
}

const movedWords = (changed: string | null | undefined) => {
  const parts = (changed ?? '').split(',')
  return parts.includes('time') && parts.includes('place') ? '时间和地点' : parts.includes('place') ? '地点' : '时间'
}

export interface ComposedMessage {
  /** The template's named values, for gateways that send approved templates. */
  params: Record<string, string>
  text: string
}

/** What organizers and the outbox keep instead of a resident's personal link: the link acts for the resident. */
export const LINK_WITHHELD = '[个人链接]'

/** Texts stored before links were withheld still carry them: shown to staff, they are withheld on the way out. */
export const withholdLinks = (text: string) => text.replace(/\S*\/(?:tickets|release|feedback)\/[0-9a-f-]{36}\.[0-9a-f]{32}/g, LINK_WITHHELD)

/** The kind of the text that offers booking `n` (1-based) of several. */
export const replyChoiceKind = (n: number): ReplyChoiceKind => {
  if (!Number.isInteger(n) || n < 1 || n > REPLY_CHOICES) throw new RangeError(`a reply choice is 1–${REPLY_CHOICES}`)
  return `reply-choice-${n}` as ReplyChoiceKind
}
const replyChoice = (kind: ReplyChoiceKind) => Number(kind.slice('reply-choice-'.length))

/** SMS-length texts in Chinese, without the person's name or number. */
export function composeMessage(kind: OutboxKind, c: MessageContext): ComposedMessage {
  const time = formatDateTime(c.startsAt, 'zh-CN')
  const head = `【${c.city}信息消费体验周】`
  const base = { city: c.city, title: c.title, time, place: c.place, partySize: String(c.partySize), code: c.code }
  switch (kind) {
    case 'confirmed':
      return { params: { ...base, link: c.ticketUrl }, text: `${head}您已报名「${c.title}」，${time}，${c.place}，共${c.partySize}人。确认码 ${c.code}。查看或取消：${c.ticketUrl}` }
    case 'waitlisted':
      return { params: { ...base, position: String(c.waitlistPosition ?? '') }, text: `${head}「${c.title}」名额已满，您已进入候补第${c.waitlistPosition}位，共${c.partySize}人。有名额时会短信通知您。确认码 ${c.code}。` }
    // A helper booked for the resident with their consent: the text says so, and how to cancel.
    case 'assisted-confirmed':
      return { params: { ...base, link: c.ticketUrl }, text: `${head}工作人员已按您的同意为您报名「${c.title}」，${time}，${c.place}，共${c.partySize}人。确认码 ${c.code}。不能来请点链接取消，或告诉为您报名的工作人员：${c.ticketUrl}` }
    case 'assisted-waitlisted':
      return { params: { ...base, position: String(c.waitlistPosition ?? ''), link: c.ticketUrl }, text: `${head}工作人员已按您的同意为您报名「${c.title}」，名额已满，您在候补第${c.waitlistPosition}位，共${c.partySize}人。确认码 ${c.code}。不想等了请点链接取消，或告诉为您报名的工作人员：${c.ticketUrl}` }
    case 'promoted':
      return { params: { ...base, link: c.ticketUrl }, text: `${head}好消息：「${c.title}」有名额了，您的${c.partySize}人报名已确认。${time}，${c.place}。确认码 ${c.code}。${c.ticketUrl}` }
    case 'reminder':
      return { params: { ...base, link: c.releaseUrl }, text: `${head}提醒：「${c.title}」将于${time}开始，地点：${c.place}。回复1确认参加，回复0取消。也可点此让出名额：${c.releaseUrl}` }
    case 'event-cancelled':
      return { params: base, text: `${head}抱歉，「${c.title}」（${time}）已取消，您的报名随之取消。` }
    case 'event-changed': {
      // The time and place are the event's as they are now; the link lets someone who cannot come give the place up.
      const changed = movedWords(c.changed)
      return { params: { ...base, changed, link: c.releaseUrl }, text: `${head}「${c.title}」的${changed}有变动，现为${time}，${c.place}。您的报名仍有效，确认码 ${c.code}。不能来请点：${c.releaseUrl}` }
    }
    case 'event-message': {
      const message = c.note ?? ''
      return { params: { city: c.city, title: c.title, time, message }, text: eventMessageText({ city: c.city, title: c.title, time, message }) }
    }
    case 'feedback':
      return { params: { city: c.city, title: c.title, link: c.feedbackUrl ?? '' }, text: `${head}谢谢您参加「${c.title}」。请花一分钟说说感受，帮我们办得更好：${c.feedbackUrl ?? ''}` }
    case 'reply-cancelled':
      return { params: base, text: `${head}已为您取消「${c.title}」（${time}）的报名，名额让给了别人。谢谢您告诉我们。` }
    case 'reply-confirmed':
      return { params: base, text: `${head}收到，您会来参加「${c.title}」：${time}，${c.place}。确认码 ${c.code}。` }
    case 'reply-help':
      return { params: base, text: `${head}「${c.title}」（${time}）：回复1确认参加，回复0取消。` }
    default: {
      // One text per booking when a number has several: the number to reply with is in the kind.
      const n = replyChoice(kind)
      return { params: { ...base, choice: String(n) }, text: `${head}您有几个报名。第${n}个：「${c.title}」，${time}，${c.place}。回复"1 ${n}"确认参加这一个，回复"0 ${n}"取消这一个。` }
    }
  }
}

/** The verification text: the code, how long it lasts, and the warning never to pass it on. */
export function composeVerification(city: string, code: string): ComposedMessage {
  const minutes = String(VERIFICATION_CODE_MINUTES)
  return {
    params: { city, code, minutes },
    text: `【${city}信息消费体验周】验证码 ${code}，${minutes}分钟内有效。请勿告诉任何人，工作人员不会向您索要验证码。`,
  }
}
