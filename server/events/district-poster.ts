import type { H3Event } from 'h3'
import type { DistrictPoster } from '#shared/events/views'
import { posterLink } from './posters'
import { toEventView, eventQuery } from './views'

const WEEK_MS = 7 * 86_400_000
/** As many as fit on one A4 sheet in print; the QR code leads to them all. */
export const POSTER_EVENTS = 12

/** A district's events of the next seven days, soonest first (at most 12: one sheet of paper), with the link to them all. */
export async function districtPoster(event: H3Event, code: string): Promise<DistrictPoster> {
  const { db, city } = await usePortal()
  const district = await db.selectFrom('districts').select(['code', 'name_zh', 'name_en'])
    .where('city_slug', '=', city.slug).where('code', '=', code).executeTakeFirst()
  if (!district) throw createError({ statusCode: 404, message: 'No such district' })
  const now = new Date()
  const rows = await eventQuery(db).where('e.city_slug', '=', city.slug).where('e.status', '=', 'published')
    .where('e.district_code', '=', code).where('e.ends_at', '>', now.toISOString())
    .where('e.starts_at', '<', new Date(now.getTime() + WEEK_MS).toISOString())
    .orderBy('e.starts_at').orderBy('e.id').limit(POSTER_EVENTS).execute()
  return {
    ...await posterLink(event, `/events?district=${encodeURIComponent(code)}`),
    district: code,
    districtName: { zh: district.name_zh, en: district.name_en },
    events: rows.map(r => toEventView(r, now.toISOString())),
  }
}
