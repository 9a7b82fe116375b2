import { timingSafeEqual } from 'node:crypto'
import { lookupHash } from '~~/server/privacy/crypto'

/**
 * The check-in token in a ticket's QR code: the registration id and a keyed
 * signature of it. It carries no personal data and cannot be forged or guessed.
 */
export async function ticketToken(registrationId: string): Promise<string> {
  const sig = (await lookupHash(`ticket:${registrationId}`)).slice(0, 32)
  return `${registrationId}.${sig}`
}

/** The registration id of a genuine token, or null. */
export async function verifyTicketToken(token: string): Promise<string | null> {
  const match = /^([0-9a-f-]{36})\.([0-9a-f]{32})$/.exec(token)
  if (!match) return null
  const expected = Buffer.from((await lookupHash(`ticket:${match[1]}`)).slice(0, 32))
  return timingSafeEqual(expected, Buffer.from(match[2]!)) ? match[1]! : null
}
