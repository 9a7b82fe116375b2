import { z } from 'zod'

/**
 * A text message a resident sent to the portal's number, as the SMS gateway (or an adapter
 * in front of it) posts it to POST /api/sms/inbound. Fields a gateway adds are ignored.
 */
export const inboundSmsBody = z.object({
  /** The gateway's id of the message: the same id twice is handled once. */
  id: z.string().trim().min(1).max(100),
  /** The sender's number, as the gateway writes it (+86 and spaces are fine). */
  from: z.string().trim().min(1).max(40),
  text: z.string().max(1000),
  receivedAt: z.iso.datetime({ offset: true }),
})
export type InboundSms = z.infer<typeof inboundSmsBody>

/**
 * What the portal did: cancelled or confirmed a booking, sent the help text or the numbered
 * choices, found no booking with a reminder for the number, or had seen the id before.
 */
export const inboundOutcomes = ['cancelled', 'confirmed', 'help', 'choices', 'no-booking', 'duplicate'] as const
export type InboundOutcome = typeof inboundOutcomes[number]

export const inboundSmsResult = z.object({ outcome: z.enum(inboundOutcomes) })
export type InboundSmsResult = z.infer<typeof inboundSmsResult>
