import type { Kysely } from 'kysely'
import type { Availability, EventAudience, EventCategory, EventFormat, EventStatus } from '#shared/events/vocabulary'
import type { EventDetailView, EventView } from '#shared/events/views'
import type { Database, EventRow } from '~~/server/database/schema'
import { renderMarkdown } from '~~/server/utils/markdown'

/** The waiting list is capped, so that a party on it has a real chance. */
export const waitlistCap = (capacity: number) => Math.max(200, capacity * 2)

export function availabilityOf(e: Pick<EventRow, 'status' | 'capacity' | 'confirmed_places' | 'waitlist_parties' | 'booking_opens_at' | 'booking_closes_at' | 'ends_at'>, now = new Date().toISOString()): Availability {
  if (e.status === 'cancelled') return 'cancelled'
  if (now >= e.ends_at) return 'ended'
  if (now < e.booking_opens_at) return 'not-yet-open'
  if (now >= e.booking_closes_at) return 'closed'
  const left = e.capacity - e.confirmed_places
  if (left <= 0) return e.waitlist_parties >= waitlistCap(e.capacity) ? 'full' : 'waitlist'
  return left <= Math.max(3, Math.ceil(e.capacity * 0.1)) ? 'few-left' : 'open'
}

export const parseAudience = (value: string) => value.split(',').filter(Boolean) as EventAudience[]
export const formatAudience = (list: readonly string[]) => `,${list.join(',')},`

/** The columns every event view needs, joined once. */
export function eventQuery(db: Kysely<Database>) {
  return db.selectFrom('events as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .innerJoin('districts as d', join => join.onRef('d.city_slug', '=', 'e.city_slug').onRef('d.code', '=', 'e.district_code'))
    .leftJoin('venues as v', 'v.id', 'e.venue_id')
    .selectAll('e')
    .select([
      'o.code as org_code', 'o.name_zh as org_zh', 'o.name_en as org_en', 'd.name_zh as district_zh', 'd.name_en as district_en',
      'v.code as venue_code', 'v.name_zh as venue_zh', 'v.name_en as venue_en', 'v.address_zh as venue_address_zh', 'v.address_en as venue_address_en',
      'v.step_free', 'v.hearing_loop', 'v.parking', 'v.notes_zh as venue_notes_zh', 'v.notes_en as venue_notes_en',
    ])
}
type EventJoinRow = Awaited<ReturnType<ReturnType<typeof eventQuery>['executeTakeFirstOrThrow']>>

export function toEventView(r: EventJoinRow, now = new Date().toISOString()): EventView {
  const availability = availabilityOf(r, now)
  return {
    id: r.id,
    slug: r.slug,
    title: { zh: r.title_zh, en: r.title_en },
    summary: { zh: r.summary_zh, en: r.summary_en },
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    venueId: r.venue_id,
    venue: r.venue_code
      ? {
          code: r.venue_code, name: { zh: r.venue_zh!, en: r.venue_en! }, address: { zh: r.venue_address_zh!, en: r.venue_address_en! },
          access: { stepFree: r.step_free === 1, hearingLoop: r.hearing_loop === 1, parking: r.parking === 1 },
          notes: r.venue_notes_zh && r.venue_notes_en ? { zh: r.venue_notes_zh, en: r.venue_notes_en } : null,
        }
      : null,
    district: r.district_code,
    districtName: { zh: r.district_zh, en: r.district_en },
    organiser: { code: r.org_code, name: { zh: r.org_zh, en: r.org_en } },
    category: r.category as EventCategory,
    audience: parseAudience(r.audience),
    format: r.format as EventFormat,
    capacity: r.capacity,
    maxPartySize: r.max_party_size,
    bookingOpensAt: r.booking_opens_at,
    bookingClosesAt: r.booking_closes_at,
    status: r.status as EventStatus,
    placesLeft: Math.max(0, r.capacity - r.confirmed_places),
    waitlistLength: r.waitlist_parties,
    bookingOpen: ['open', 'few-left', 'waitlist'].includes(availability),
    availability,
  }
}

export function toEventDetail(r: EventJoinRow, now?: string): EventDetailView {
  return {
    ...toEventView(r, now),
    description: { zh: r.description_zh, en: r.description_en },
    descriptionHtml: { zh: renderMarkdown(r.description_zh), en: renderMarkdown(r.description_en) },
    whatToBring: r.what_to_bring_zh ? { zh: r.what_to_bring_zh, en: r.what_to_bring_en ?? '' } : null,
  }
}
