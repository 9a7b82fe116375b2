import type { Kysely, Transaction } from 'kysely'
import type { RegistrationStatus, AgeGroup, RegistrationSource } from '#shared/events/vocabulary'
import { newId, nowIso } from '~~/server/database/ids'
import type { Database } from '~~/server/database/schema'
import { writeTransaction } from '~~/server/database/write-transaction'
import { purgeAfter } from '~~/server/privacy/retention'
import { activeBookingOf, countConfirmed, countWaitlisted, eventPlacesById, eventPlacesBySlug, insertRegistration, placesColumns, waitlistPositionOf, type EventPlaces } from './booking-queries'
import { newConfirmationCode } from './codes'
import { waitlistCap } from './views'
import { enqueue } from '~~/server/notifications/outbox'

export type BookingProblem = 'not-found' | 'not-open' | 'closed' | 'cancelled' | 'party-too-large' | 'duplicate' | 'not-waitlistable'

export class BookingError extends Error {
  constructor(readonly problem: BookingProblem) {
    super(problem)
  }
}

type Trx = Transaction<Database>

/** An event by id, or by its public address (city and slug), which is how residents reach it. */
export type EventKey = { id: string } | { citySlug: string, slug: string }

export interface BookingRequest {
  event: EventKey
  partySize: number
  /** `phone_enc` is null when no mobile was given (a helper's booking for a landline or no phone): no texts are sent. */
  sealed: { name_enc: string, phone_enc: string | null, phone_hash: string }
  ageGroup?: AgeGroup | null
  district?: string | null
  /** When the personal data goes; by default the retention period after the event ends. */
  purgeAfter?: string
  source?: RegistrationSource
  /** Walk-ins are confirmed only when places are free; they never join the waiting list. */
  confirmedOnly?: boolean
  now?: Date
  /** Written in the booking's own transaction (a helper's record of who acted for whom). */
  alsoRecord?: (trx: Trx, registrationId: string) => Promise<void>
}

export interface BookingResult {
  registrationId: string
  eventId: string
  code: string
  status: Exclude<RegistrationStatus, 'cancelled'>
  waitlistPosition: number | null
  partySize: number
}

export interface Promotion {
  registrationId: string
  code: string
}

/**
 * Takes the event row for the rest of the transaction. On PostgreSQL this is a
 * row lock, so bookings for one event are serialised across every app
 * instance; on SQLite the single writer already serialises transactions.
 * Everything that changes places (book, cancel, reduce, capacity) goes through here.
 */
export async function lockEvent(trx: Trx, key: string | EventKey): Promise<EventPlaces | undefined> {
  const { rows } = typeof key === 'string' || 'id' in key
    ? await eventPlacesById(trx, { id: typeof key === 'string' ? key : key.id })
    : await eventPlacesBySlug(trx, key)
  return rows[0]
}

export async function waitlistPosition(db: Kysely<Database> | Trx, eventId: string, seq: number): Promise<number> {
  const { rows } = await waitlistPositionOf(db, { eventId, seq })
  return Number(rows[0]!.n)
}

/** Options for tests only: `guard: false` books without the capacity check, to prove the race test can see an oversell. */
export interface EngineOptions {
  guard?: boolean
}

export async function book(db: Kysely<Database>, request: BookingRequest, options: EngineOptions = {}): Promise<BookingResult> {
  const guard = options.guard ?? true
  const now = (request.now ?? new Date()).toISOString()
  return writeTransaction(db, async (trx) => {
    // Unguarded (test) mode reads without the lock, as a naive implementation would.
    const event = guard ? await lockEvent(trx, request.event) : await unlockedEvent(trx, request.event)
    if (!event || event.status === 'draft') throw new BookingError('not-found')
    if (event.status === 'cancelled') throw new BookingError('cancelled')
    if (now < event.booking_opens_at) throw new BookingError('not-open')
    if (now >= event.booking_closes_at) throw new BookingError('closed')
    if (request.partySize > event.max_party_size) throw new BookingError('party-too-large')
    if ((await activeBookingOf(trx, { eventId: event.id, phoneHash: request.sealed.phone_hash })).rows.length) throw new BookingError('duplicate')

    const fits = !guard || event.confirmed_places + request.partySize <= event.capacity
    if (!fits && (request.confirmedOnly || event.waitlist_parties >= waitlistCap(event.capacity))) throw new BookingError('not-waitlistable')
    const status = fits ? 'confirmed' : 'waitlisted'
    const id = newId()
    const code = newConfirmationCode()
    // Unguarded mode has no lock, so it takes its arrival number atomically.
    const seq = guard
      ? event.next_seq
      : (await trx.updateTable('events').set(eb => ({ next_seq: eb('next_seq', '+', 1) })).where('id', '=', event.id).returning('next_seq').executeTakeFirstOrThrow()).next_seq - 1
    await insertRegistration(trx, {
      id, event_id: event.id, code, seq, status, party_size: request.partySize, ...request.sealed,
      age_group: request.ageGroup ?? null, district_code: request.district ?? null, source: request.source ?? 'resident',
      purge_after: request.purgeAfter ?? purgeAfter(event.ends_at), created_at: now,
    })
    // (Unguarded mode leaves the counters alone, so that the oversell shows in the registrations themselves.)
    if (guard && fits) await countConfirmed(trx, { eventId: event.id, now, places: request.partySize })
    else if (guard) await countWaitlisted(trx, { eventId: event.id, now })

    if (request.alsoRecord) await request.alsoRecord(trx, id)
    // A helper's booking tells the resident it was made for them by the station, and only a mobile gets a text.
    const kind = request.source === 'assisted' ? (`assisted-${status}` as const) : status
    if (request.source !== 'walk-in' && request.source !== 'seed' && request.sealed.phone_enc !== null) await enqueue(trx, kind, [{ eventId: event.id, registrationId: id }])
    return {
      registrationId: id, eventId: event.id, code, status, partySize: request.partySize,
      waitlistPosition: fits ? null : await waitlistPosition(trx, event.id, seq),
    }
  })
}

function unlockedEvent(trx: Trx, key: EventKey): Promise<EventPlaces | undefined> {
  const query = trx.selectFrom('events').select(placesColumns)
  return ('id' in key ? query.where('id', '=', key.id) : query.where('city_slug', '=', key.citySlug).where('slug', '=', key.slug)).executeTakeFirst()
}

/**
 * Moves parties from the waiting list into free places, in order of arrival.
 * A party that does not fit is skipped (never split) and keeps its place in line.
 */
export async function promoteWaitlist(trx: Trx, event: EventPlaces, now = nowIso()): Promise<Promotion[]> {
  let free = event.capacity - event.confirmed_places
  if (free <= 0) return []
  const waiting = await trx.selectFrom('registrations').select(['id', 'code', 'party_size'])
    .where('event_id', '=', event.id).where('status', '=', 'waitlisted').orderBy('seq').execute()
  const promoted: Promotion[] = []
  let places = 0
  for (const party of waiting) {
    if (party.party_size > free) continue
    free -= party.party_size
    places += party.party_size
    promoted.push({ registrationId: party.id, code: party.code })
  }
  if (!promoted.length) return []
  await trx.updateTable('registrations').set({ status: 'confirmed', promoted_at: now, updated_at: now })
    .where('id', 'in', promoted.map(p => p.registrationId)).execute()
  await trx.updateTable('events').set(eb => ({
    confirmed_places: eb('confirmed_places', '+', places),
    waitlist_parties: eb('waitlist_parties', '-', promoted.length),
    updated_at: now,
  })).where('id', '=', event.id).execute()
  await enqueue(trx, 'promoted', promoted.map(p => ({ eventId: event.id, registrationId: p.registrationId })))
  return promoted
}

export interface ChangeResult {
  status: RegistrationStatus
  partySize: number
  promoted: Promotion[]
}

/** Cancels a booking (found by code and the hash of its mobile number), freeing its places for the waiting list. */
export async function cancelBooking(db: Kysely<Database>, code: string, phoneHash: string): Promise<ChangeResult & { eventId: string }> {
  return changeBooking(db, code, phoneHash, 0)
}

/** Lowers a party's size (never raises it); 0 cancels. */
export async function changeBooking(db: Kysely<Database>, code: string, phoneHash: string, newSize: number): Promise<ChangeResult & { eventId: string }> {
  const now = nowIso()
  return writeTransaction(db, async (trx) => {
    const found = await trx.selectFrom('registrations').select(['event_id']).where('code', '=', code).where('phone_hash', '=', phoneHash).executeTakeFirst()
    if (!found) throw new BookingError('not-found')
    const event = (await lockEvent(trx, found.event_id))!
    // Re-read under the lock: the booking may have changed while we waited.
    const reg = await trx.selectFrom('registrations').selectAll().where('code', '=', code).executeTakeFirstOrThrow()
    if (reg.status === 'cancelled' || newSize >= reg.party_size) {
      return { eventId: event.id, status: reg.status as RegistrationStatus, partySize: reg.party_size, promoted: [] }
    }
    const freed = reg.status === 'confirmed' ? reg.party_size - newSize : 0
    await trx.updateTable('registrations')
      .set(newSize === 0 ? { status: 'cancelled', cancelled_at: now, updated_at: now } : { party_size: newSize, updated_at: now })
      .where('id', '=', reg.id).execute()
    const waitlistDelta = reg.status === 'waitlisted' && newSize === 0 ? 1 : 0
    await trx.updateTable('events').set(eb => ({
      confirmed_places: eb('confirmed_places', '-', freed),
      waitlist_parties: eb('waitlist_parties', '-', waitlistDelta),
      updated_at: now,
    })).where('id', '=', event.id).execute()
    const promoted = await promoteWaitlist(trx, { ...event, confirmed_places: event.confirmed_places - freed }, now)
    const after = await trx.selectFrom('registrations').select(['status', 'party_size']).where('id', '=', reg.id).executeTakeFirstOrThrow()
    return { eventId: event.id, status: after.status as RegistrationStatus, partySize: after.party_size, promoted }
  })
}

/** Raises or lowers capacity; never below the places already confirmed. Raising promotes the waiting list. */
export async function setCapacity(db: Kysely<Database>, eventId: string, capacity: number): Promise<Promotion[]> {
  const now = nowIso()
  return writeTransaction(db, async (trx) => {
    const event = await lockEvent(trx, eventId)
    if (!event) throw new BookingError('not-found')
    if (capacity < event.confirmed_places) throw new RangeError(`capacity ${capacity} is below the ${event.confirmed_places} places already confirmed`)
    await trx.updateTable('events').set({ capacity, updated_at: now }).where('id', '=', eventId).execute()
    return promoteWaitlist(trx, { ...event, capacity }, now)
  })
}
