import type { Kysely, Updateable } from 'kysely'
import type { EventCreateInput } from '#shared/events/organizer'
import type { Database, EventRow, EventsTable } from '~~/server/database/schema'
import { eventCourses } from './courses'
import { formatAudience } from './views'

type Fields = Partial<EventCreateInput>

export class EventInputError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super('Some fields are not valid')
  }
}

/** Turns API fields into columns, resolving the venue and checking it against the district. */
export async function eventColumns(db: Kysely<Database>, citySlug: string, input: Fields): Promise<Updateable<EventsTable>> {
  const columns: Updateable<EventsTable> = {}
  if (input.slug !== undefined) columns.slug = input.slug
  if (input.title) Object.assign(columns, { title_zh: input.title.zh, title_en: input.title.en })
  if (input.summary) Object.assign(columns, { summary_zh: input.summary.zh, summary_en: input.summary.en })
  if (input.description) Object.assign(columns, { description_zh: input.description.zh, description_en: input.description.en })
  if (input.whatToBring !== undefined) Object.assign(columns, { what_to_bring_zh: input.whatToBring?.zh ?? null, what_to_bring_en: input.whatToBring?.en ?? null })
  if (input.startsAt) columns.starts_at = input.startsAt
  if (input.endsAt) columns.ends_at = input.endsAt
  if (input.bookingOpensAt) columns.booking_opens_at = input.bookingOpensAt
  if (input.bookingClosesAt) columns.booking_closes_at = input.bookingClosesAt
  if (input.category) columns.category = input.category
  if (input.audience) columns.audience = formatAudience(input.audience)
  if (input.format) columns.format = input.format
  if (input.maxPartySize) columns.max_party_size = input.maxPartySize
  if (input.district) {
    const district = await db.selectFrom('districts').select('code').where('city_slug', '=', citySlug).where('code', '=', input.district).executeTakeFirst()
    if (!district) throw new EventInputError({ district: ['Unknown district'] })
    columns.district_code = input.district
  }
  if (input.venueCode !== undefined) {
    if (input.venueCode === null) {
      columns.venue_id = null
    }
    else {
      const venue = await db.selectFrom('venues').select(['id', 'district_code']).where('city_slug', '=', citySlug).where('code', '=', input.venueCode).executeTakeFirst()
      if (!venue) throw new EventInputError({ venueCode: ['Unknown venue'] })
      if (input.district && venue.district_code !== input.district) throw new EventInputError({ district: ['Must be the district of the venue'] })
      columns.venue_id = venue.id
      columns.district_code ??= venue.district_code
    }
  }
  return columns
}

/** Reads an event back into the API's input shape, to merge a patch and check the whole. */
export async function eventFields(db: Kysely<Database>, row: EventRow): Promise<EventCreateInput & { slug: string }> {
  const venue = row.venue_id ? await db.selectFrom('venues').select('code').where('id', '=', row.venue_id).executeTakeFirst() : undefined
  return {
    slug: row.slug,
    title: { zh: row.title_zh, en: row.title_en },
    summary: { zh: row.summary_zh, en: row.summary_en },
    description: { zh: row.description_zh, en: row.description_en },
    whatToBring: row.what_to_bring_zh ? { zh: row.what_to_bring_zh, en: row.what_to_bring_en ?? '' } : null,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    venueCode: venue?.code ?? null,
    district: row.district_code,
    category: row.category as EventCreateInput['category'],
    audience: row.audience.split(',').filter(Boolean) as EventCreateInput['audience'],
    format: row.format as EventCreateInput['format'],
    capacity: row.capacity,
    maxPartySize: row.max_party_size,
    bookingOpensAt: row.booking_opens_at,
    bookingClosesAt: row.booking_closes_at,
    courses: await eventCourses(db, row.id),
  }
}
