import { z } from 'zod'
import { timestampSchema } from '../primitives'

/** An organiser may send an event's attendees at most this many short messages (event-message). */
export const EVENT_MESSAGE_LIMIT = 3
/** The message's one free parameter, in characters (a Chinese character counts one). */
export const EVENT_MESSAGE_MAX = 70

const LINK = /(?:https?:\/\/|www\.)/i

/**
 * POST /api/organizer/events/:id/messages: the free text of the event-message template. One line,
 * 1–70 characters, no web address: a text from the portal with a link in it is what fraudsters send.
 */
export const eventMessageBody = z.object({
  text: z.string().transform(s => s.replace(/\s+/g, ' ').trim())
    .refine(s => s.length > 0, { message: 'Write the message' })
    .refine(s => [...s].length <= EVENT_MESSAGE_MAX, { message: `At most ${EVENT_MESSAGE_MAX} characters` })
    .refine(s => !LINK.test(s), { message: 'No web addresses' }),
}).strict()

/** Characters as the limit counts them. */
export const messageLength = (text: string) => [...text.replace(/\s+/g, ' ').trim()].length

/** The event-message template's text, the same on the server and in the preview the organiser reads before sending. */
export const eventMessageText = (p: { city: string, title: string, time: string, message: string }) =>
  `【${p.city}信息消费体验周】「${p.title}」（${p.time}）主办方通知：${p.message}`

/** GET /api/organizer/events/:id/messages: what attendees were told, and how many texts went out for each. */
export const organizerEventNotices = z.object({
  limit: z.number().int(),
  /** Only a published event's attendees can be sent a message. */
  published: z.boolean(),
  remaining: z.number().int(),
  /** Bookings (confirmed and waiting) a message sent now would reach. */
  recipients: z.number().int(),
  /** The template's other values as a text would carry them now, so the preview shows exactly what is sent (eventMessageText). */
  template: z.object({ city: z.string(), title: z.string(), time: z.string() }),
  messages: z.array(z.object({ id: z.string(), text: z.string(), createdAt: timestampSchema, recipients: z.number().int(), sent: z.number().int() })),
  changes: z.array(z.object({ id: z.string(), changed: z.array(z.enum(['time', 'place'])), createdAt: timestampSchema, recipients: z.number().int(), sent: z.number().int() })),
})
export type OrganizerEventNotices = z.infer<typeof organizerEventNotices>

/** What POST …/messages answers: the message is queued for `recipients` bookings. */
export const eventMessageResult = z.object({ id: z.string(), recipients: z.number().int(), remaining: z.number().int() })
export type EventMessageResult = z.infer<typeof eventMessageResult>
