import type { NotificationKind } from '../database/schema'
import { formatDateTime } from '../../shared/utils/dates'

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
}

/** SMS-length texts in Chinese, without the person's name or number. */
export function composeMessage(kind: NotificationKind, c: MessageContext): string {
  const when = formatDateTime(c.startsAt, 'zh-CN')
  const head = `【${c.city}信息消费体验周】`
  switch (kind) {
    case 'confirmed':
      return `${head}您已报名「${c.title}」，${when}，${c.place}，共${c.partySize}人。确认码 ${c.code}。查看或取消：${c.ticketUrl}`
    case 'waitlisted':
      return `${head}「${c.title}」名额已满，您已进入候补第${c.waitlistPosition}位，共${c.partySize}人。有名额时会短信通知您。确认码 ${c.code}。`
    case 'promoted':
      return `${head}好消息：「${c.title}」有名额了，您的${c.partySize}人报名已确认。${when}，${c.place}。确认码 ${c.code}。${c.ticketUrl}`
    case 'reminder':
      return `${head}提醒：「${c.title}」将于${when}开始，地点：${c.place}。如果不能来，请点此让出名额：${c.releaseUrl}`
    case 'event-cancelled':
      return `${head}抱歉，「${c.title}」（${when}）已取消，您的报名随之取消。`
  }
}
