import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { parseCityProfile } from '~~/server/city/profile'
import { migrateToLatest } from '~~/server/database/migrate'
import type { Database } from '~~/server/database/schema'
import { seedCity } from '~~/server/database/seed'

export const tianjin = parseCityProfile('seeds/tianjin.json', readFileSync(join(import.meta.dirname, '../../seeds/tianjin.json'), 'utf8'))

export async function prepare(db: Kysely<Database>) {
  await migrateToLatest(db)
  await seedCity(db, tianjin)
}

/** Inserts a published event with an open booking window. */
export async function insertEvent(db: Kysely<Database>, overrides: Partial<Database['events']> = {}) {
  const org = await db.selectFrom('organisations').select('id').where('city_slug', '=', 'tianjin').executeTakeFirstOrThrow()
  const now = Date.now()
  const id = `ev-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  const row: Database['events'] = {
    id, city_slug: 'tianjin', organisation_id: org.id, slug: id, title_zh: '测试活动', title_en: 'Test event',
    summary_zh: '摘要', summary_en: 'Summary', description_zh: '说明', description_en: 'About', what_to_bring_zh: null, what_to_bring_en: null,
    starts_at: new Date(now + 7 * 86_400_000).toISOString(), ends_at: new Date(now + 7 * 86_400_000 + 7_200_000).toISOString(),
    venue_id: null, district_code: 'heping', category: 'daily-life', audience: ',older-people,', format: 'onsite',
    capacity: 10, max_party_size: 4, booking_opens_at: new Date(now - 86_400_000).toISOString(), booking_closes_at: new Date(now + 6 * 86_400_000).toISOString(),
    status: 'published', confirmed_places: 0, waitlist_parties: 0, checked_in_places: 0, next_seq: 1, source: 'user', created_by: null,
    created_at: new Date(now).toISOString(), updated_at: new Date(now).toISOString(), cancelled_at: null,
    ...overrides,
  }
  await db.insertInto('events').values(row).execute()
  return row
}

/** The invariants every change must keep, read from the registrations themselves. */
export async function placesState(db: Kysely<Database>, eventId: string) {
  const event = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow()
  const regs = await db.selectFrom('registrations').select(['status', 'party_size', 'seq']).where('event_id', '=', eventId).orderBy('seq').execute()
  const confirmed = regs.filter(r => r.status === 'confirmed').reduce((n, r) => n + r.party_size, 0)
  const waiting = regs.filter(r => r.status === 'waitlisted')
  return {
    capacity: event.capacity,
    counter: event.confirmed_places,
    waitlistCounter: event.waitlist_parties,
    confirmed,
    waiting,
    /** Places left over although a waiting party would fit: the waiting list was not served. */
    stranded: waiting.some(w => w.party_size <= event.capacity - confirmed),
  }
}

export const sealed = (i: number | string) => ({ name_enc: `name-${i}`, phone_enc: `phone-${i}`, phone_hash: `hash-${i}` })
export const farFuture = '2099-01-01T00:00:00.000Z'
