import type { H3Event } from 'h3'
import type { Kysely } from 'kysely'
import type { Database, RegistrationRow } from '~~/server/database/schema'
import type { RegistrationView } from '#shared/events/views'
import { lookupHash } from '~~/server/privacy/crypto'
import { waitlistPosition } from './booking'
import { ticketToken } from './tickets'
import { eventQuery, toEventView } from './views'

/** Residents' look-ups are limited per address: a code cannot be guessed by trying. */
export async function residentLookup(event: H3Event) {
  await enforceRateLimit(event, residentLimit('registration-lookup', 30))
}

/** Tries per booking code, whoever asks and from wherever: a code staff can see cannot be tried against many numbers. */
export const perCodeLookups = { bucket: 'registration-code', limit: 10, windowSeconds: 3600 }

/**
 * Finds a booking by its code and mobile number; one answer for "no such code"
 * and "wrong number". The try is counted before the number is compared, so
 * parallel guesses are counted too.
 */
export async function findRegistration(code: string, phone: string, event?: H3Event) {
  const tries = await consume(perCodeLookups, code)
  if (!tries.allowed) {
    if (event) tooManyRequests(event, tries.retryAfter)
    throw createError({ statusCode: 429, message: 'Too many attempts. Please wait and try again.', data: { retryAfter: tries.retryAfter } })
  }
  const db = await useDb()
  const phoneHash = await lookupHash(phone)
  const reg = await db.selectFrom('registrations').selectAll().where('code', '=', code).where('phone_hash', '=', phoneHash).executeTakeFirst()
  if (!reg) throw createError({ statusCode: 404, message: 'No booking with this code and mobile number' })
  return { reg, phoneHash }
}

export async function registrationView(reg: RegistrationRow): Promise<RegistrationView> {
  const db = await useDb()
  const fresh = await db.selectFrom('registrations').selectAll().where('id', '=', reg.id).executeTakeFirstOrThrow()
  return toRegistrationView(db, fresh, await ticketToken(reg.id))
}

/** A booking as its resident sees it: no personal data, the event's essentials, the place on the waiting list. */
export async function toRegistrationView(db: Kysely<Database>, reg: RegistrationRow, token: string): Promise<RegistrationView> {
  const e = toEventView(await eventQuery(db).where('e.id', '=', reg.event_id).executeTakeFirstOrThrow())
  return {
    code: reg.code,
    status: reg.status as RegistrationView['status'],
    partySize: reg.party_size,
    waitlistPosition: reg.status === 'waitlisted' ? await waitlistPosition(db, reg.event_id, reg.seq) : null,
    checkedIn: !!reg.checked_in_at,
    ticketToken: token,
    event: { slug: e.slug, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, venue: e.venue, format: e.format, districtName: e.districtName, status: e.status, maxPartySize: e.maxPartySize },
  }
}

/**
 * A change a resident made to their own booking (through its ticket link, or
 * its code and number): who holds the link or the code can act, so the act is
 * recorded, with the booking and the time but nothing personal.
 */
export async function auditResidentAction(event: H3Event, action: string, reg: RegistrationRow, via: 'ticket-link' | 'code-and-number' | 'sms-reply', details: Record<string, unknown> = {}) {
  await recordAudit(event, null, { action, targetType: 'registration', targetId: reg.id, details: { via, eventId: reg.event_id, code: reg.code, ...details } })
}
