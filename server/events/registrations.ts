import type { H3Event } from 'h3'
import type { Kysely } from 'kysely'
import type { Database, RegistrationRow } from '../database/schema'
import type { RegistrationView } from '#shared/events/views'
import { lookupHash } from '../privacy/crypto'
import { waitlistPosition } from './booking'
import { ticketToken } from './tickets'
import { eventQuery, toEventView } from './views'

/** Residents' look-ups are limited per address: a code cannot be guessed by trying. */
export async function residentLookup(event: H3Event) {
  await enforceRateLimit(event, residentLimit('registration-lookup', 30))
}

/** Finds a booking by its code and mobile number; one answer for "no such code" and "wrong number". */
export async function findRegistration(code: string, phone: string) {
  const db = await useDb()
  const phoneHash = await lookupHash(phone)
  const reg = await db.selectFrom('registrations').selectAll().where('code', '=', code).where('phone_hash', '=', phoneHash).executeTakeFirst()
  if (!reg) throw createError({ statusCode: 404, message: 'No booking with this code and mobile number' })
  return { reg, phoneHash }
}

export async function registrationView(code: string, phone: string): Promise<RegistrationView> {
  const { reg } = await findRegistration(code, phone)
  return toRegistrationView(await useDb(), reg, await ticketToken(reg.id))
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
