import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Kysely } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import { demoEventsFileSchema, type DemoEvent } from '#shared/events/demo'
import { SeedFileError } from '~~/server/city/profile'
import { newId, nowIso } from '~~/server/database/ids'
import type { Database } from '~~/server/database/schema'
import { encryptText, lookupHash } from '~~/server/privacy/crypto'
import { purgeAfter } from '~~/server/privacy/retention'
import { newConfirmationCode } from './codes'
import { formatAudience } from './views'
import type { AgeGroup, RegistrationStatus } from '#shared/events/vocabulary'

const DAY = 86_400_000
const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const given = ['秀英', '桂兰', '建国', '淑珍', '志强', '玉兰', '德明', '凤芝', '国华', '丽娟', '永生', '春梅']

export function loadDemoEvents(city: CityProfile, dir: string): DemoEvent[] {
  const file = join(dir, 'demo', `${city.slug}-events.json`)
  if (!existsSync(file)) return []
  const shown = relative(process.cwd(), file) || file
  const result = demoEventsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!result.success) {
    throw new SeedFileError(shown, result.error.issues.map(i => `[${i.path.join('.')}]: ${i.message}`))
  }
  return result.data
}

function startOf(e: DemoEvent, city: CityProfile, today: Date): Date {
  const base = e.day < 0
    ? Date.parse(`${today.toISOString().slice(0, 10)}T00:00:00+08:00`)
    : Date.parse(`${city.week.startsOn}T00:00:00+08:00`)
  const [h, m] = e.startTime.split(':').map(Number) as [number, number]
  return new Date(base + e.day * DAY + (h * 60 + m) * 60_000)
}

/** Demo events and bookings for the embedded default. Existing events (by slug) are left alone. */
export async function seedDemoEvents(db: Kysely<Database>, city: CityProfile, events: DemoEvent[], today = new Date()): Promise<number> {
  const orgs = new Map((await db.selectFrom('organisations').select(['id', 'code']).where('city_slug', '=', city.slug).execute()).map(o => [o.code, o.id]))
  const venues = new Map((await db.selectFrom('venues').select(['id', 'code']).where('city_slug', '=', city.slug).execute()).map(v => [v.code, v.id]))
  const existing = new Set((await db.selectFrom('events').select('slug').where('city_slug', '=', city.slug).execute()).map(e => e.slug))
  let added = 0
  for (const [index, e] of events.entries()) {
    if (existing.has(e.slug)) continue
    const organisationId = orgs.get(e.organiser)
    if (!organisationId || (e.venue && !venues.has(e.venue))) throw new Error(`demo event ${e.slug}: unknown organiser or venue`)
    const starts = startOf(e, city, today)
    const ends = new Date(starts.getTime() + e.durationMinutes * 60_000)
    const now = nowIso()
    const id = newId()
    const bookings = await demoBookings(e, index)
    const confirmed = bookings.filter(b => b.status === 'confirmed').reduce((n, b) => n + b.party_size, 0)
    // Past demo events were held: most parties checked in, a few (every fifth, and more at online events) did not come.
    const held = ends.getTime() < today.getTime()
    const every = e.format === 'online' ? 3 : 5
    const checkedIn = (i: number) => held && bookings[i]!.status === 'confirmed' && i % every !== every - 1
    const checkedInPlaces = bookings.reduce((n, b, i) => n + (checkedIn(i) ? b.party_size : 0), 0)
    const checkInAt = new Date(starts.getTime() + 10 * 60_000).toISOString()
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('events').values({
        id, city_slug: city.slug, organisation_id: organisationId, slug: e.slug,
        title_zh: e.title.zh, title_en: e.title.en, summary_zh: e.summary.zh, summary_en: e.summary.en,
        description_zh: e.description.zh, description_en: e.description.en,
        what_to_bring_zh: e.whatToBring?.zh ?? null, what_to_bring_en: e.whatToBring?.en ?? null,
        starts_at: starts.toISOString(), ends_at: ends.toISOString(), venue_id: e.venue ? venues.get(e.venue)! : null,
        district_code: e.district, category: e.category, audience: formatAudience(e.audience), format: e.format,
        capacity: e.capacity, max_party_size: e.maxPartySize,
        booking_opens_at: new Date(Math.min(starts.getTime() - 30 * DAY, today.getTime() - DAY)).toISOString(),
        booking_closes_at: new Date(starts.getTime() - 60 * 60_000).toISOString(),
        status: 'published', confirmed_places: confirmed, waitlist_parties: bookings.length - bookings.filter(b => b.status === 'confirmed').length,
        checked_in_places: checkedInPlaces, next_seq: bookings.length + 1, source: 'seed', created_by: null, created_at: now, updated_at: now, cancelled_at: null,
      }).execute()
      if (e.courses.length) await trx.insertInto('event_courses').values(e.courses.map(course => ({ event_id: id, course_slug: course }))).execute()
      if (bookings.length) {
        await trx.insertInto('registrations').values(bookings.map((b, i) => ({
          ...b, id: newId(), event_id: id, code: newConfirmationCode(), seq: i + 1, source: 'seed', consent_at: now,
          promoted_at: null, cancelled_at: null, checked_in_at: checkedIn(i) ? checkInAt : null, checked_in_by: null,
          purge_after: purgeAfter(ends.toISOString()), anonymised_at: null, created_at: now, updated_at: now,
        }))).execute()
      }
    })
    added++
  }
  return added
}

async function demoBookings(e: DemoEvent, eventIndex: number) {
  const out: Array<{ status: RegistrationStatus, party_size: number, name_enc: string, phone_enc: string, phone_hash: string, age_group: AgeGroup, district_code: string }> = []
  let left = e.demoBookings?.confirmedPlaces ?? 0
  const parties: Array<[RegistrationStatus, number]> = []
  for (let i = 0; left > 0; i++) {
    const size = Math.min(left, (i % 3) + 1, e.maxPartySize)
    parties.push(['confirmed', size])
    left -= size
  }
  for (let i = 0; i < (e.demoBookings?.waitlistParties ?? 0); i++) parties.push(['waitlisted', Math.min(2, e.maxPartySize)])
  for (const [i, [status, size]] of parties.entries()) {
    // Made-up demo numbers (1700…), one per party, so each demo booking is a distinct household.
    const phone = `1700${String(eventIndex).padStart(3, '0')}${String(i).padStart(4, '0')}`
    const name = surnames[(eventIndex + i) % surnames.length]! + given[i % given.length]!
    out.push({
      status, party_size: size, name_enc: await encryptText(name), phone_enc: await encryptText(phone), phone_hash: await lookupHash(phone),
      age_group: (['60-69', '70-plus', '40-59', '18-39'] as const)[i % 4]!, district_code: e.district,
    })
  }
  return out
}
