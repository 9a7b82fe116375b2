import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely'
import { dialectOf } from '~~/server/database/dialect'
import { preparedQuery } from '~~/server/database/prepared'
import type { Database, EventRow, RegistrationRow } from '~~/server/database/schema'

/** What a change of places needs to know about its event (not the long texts). */
export const placesColumns = ['id', 'status', 'capacity', 'max_party_size', 'confirmed_places', 'waitlist_parties', 'next_seq', 'booking_opens_at', 'booking_closes_at', 'ends_at'] as const
export type EventPlaces = Pick<EventRow, typeof placesColumns[number]>

type Db = Kysely<Database> | Transaction<Database>

/** A row lock on PostgreSQL; SQLite's single writer needs none. */
function locked<O>(db: { getExecutor(): { readonly adapter: unknown } }, query: SelectQueryBuilder<Database, 'events', O>) {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query
}

// The queries every booking runs, compiled once (see preparedQuery).
export const eventPlacesById = preparedQuery((db: Db, p: { id: string }) =>
  locked(db, db.selectFrom('events').select(placesColumns).where('id', '=', p.id)))

export const eventPlacesBySlug = preparedQuery((db: Db, p: { citySlug: string, slug: string }) =>
  locked(db, db.selectFrom('events').select(placesColumns).where('city_slug', '=', p.citySlug).where('slug', '=', p.slug)))

export const activeBookingOf = preparedQuery((db: Db, p: { eventId: string, phoneHash: string }) =>
  db.selectFrom('registrations').select('id')
    .where('event_id', '=', p.eventId).where('phone_hash', '=', p.phoneHash).where('status', 'in', ['confirmed', 'waitlisted']))

export type NewRegistration = Pick<RegistrationRow, 'id' | 'event_id' | 'code' | 'seq' | 'status' | 'party_size' | 'name_enc' | 'phone_enc' | 'phone_hash'
  | 'age_group' | 'district_code' | 'source' | 'purge_after' | 'created_at'>

export const insertRegistration = preparedQuery((db: Db, r: NewRegistration) =>
  db.insertInto('registrations').values({
    id: r.id, event_id: r.event_id, code: r.code, seq: r.seq, status: r.status, party_size: r.party_size,
    name_enc: r.name_enc, phone_enc: r.phone_enc, phone_hash: r.phone_hash, age_group: r.age_group, district_code: r.district_code,
    source: r.source, consent_at: r.created_at, promoted_at: null, cancelled_at: null, checked_in_at: null, checked_in_by: null,
    purge_after: r.purge_after, anonymised_at: null, created_at: r.created_at, updated_at: r.created_at,
  }))

const placesChange = (db: Db, p: { eventId: string, now: string }) => db.updateTable('events').where('id', '=', p.eventId)

/** The counters after a booking: the next arrival number, and the places or the waiting list it took. */
export const countConfirmed = preparedQuery((db: Db, p: { eventId: string, now: string, places: number }) =>
  placesChange(db, p).set(eb => ({ next_seq: eb('next_seq', '+', 1), confirmed_places: eb('confirmed_places', '+', p.places), updated_at: p.now })))

export const countWaitlisted = preparedQuery((db: Db, p: { eventId: string, now: string }) =>
  placesChange(db, p).set(eb => ({ next_seq: eb('next_seq', '+', 1), waitlist_parties: eb('waitlist_parties', '+', 1), updated_at: p.now })))

export const waitlistPositionOf = preparedQuery((db: Db, p: { eventId: string, seq: number }) =>
  db.selectFrom('registrations').select(eb => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', p.eventId).where('status', '=', 'waitlisted').where('seq', '<=', p.seq))
