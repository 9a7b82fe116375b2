import { eventListQuery } from '#shared/events/requests'
import type { EventView } from '#shared/events/views'
import type { Page } from '#shared/primitives'
import { eventQuery, toEventView } from '../../events/views'

export default defineEventHandler(async (event): Promise<Page<EventView>> => {
  const query = await validQuery(event, eventListQuery)
  const { db, city } = await usePortal()
  const now = nowIso()

  let base = eventQuery(db).where('e.city_slug', '=', city.slug).where('e.status', '=', 'published').where('e.ends_at', '>', now)
  if (query.district) base = base.where('e.district_code', '=', query.district)
  if (query.category) base = base.where('e.category', '=', query.category)
  if (query.format) base = base.where('e.format', '=', query.format)
  if (query.audience?.length) base = base.where(eb => eb.or(query.audience!.map(a => eb('e.audience', 'like', `%,${a},%`))))
  if (query.date !== undefined) {
    const day = typeof query.date === 'number' ? weekDay(city.week.startsOn, query.date) : query.date
    const start = new Date(`${day}T00:00:00+08:00`)
    base = base.where('e.starts_at', '>=', start.toISOString()).where('e.starts_at', '<', new Date(start.getTime() + 86_400_000).toISOString())
  }
  if (query.q) {
    // Wildcards are dropped rather than escaped: LIKE escapes differ between the dialects.
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, '')}%`
    base = base.where(eb => eb.or(['e.title_zh', 'e.title_en', 'e.summary_zh', 'e.summary_en'].map(col =>
      eb(eb.fn('lower', [eb.ref(col as 'e.title_zh')]), 'like', like))))
  }
  const page = await paginate(base, query, q => q.orderBy('e.starts_at').orderBy('e.slug'))
  cachePublic(event, 30)
  return mapPage(page, r => toEventView(r, now))
})

/** The date of weekday 1–7 (Monday–Sunday) within the experience week. */
function weekDay(startsOn: string, weekday: number): string {
  const start = new Date(`${startsOn}T12:00:00+08:00`)
  const startWeekday = ((start.getUTCDay() + 6) % 7) + 1
  const offset = (weekday - startWeekday + 7) % 7
  return new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
}
