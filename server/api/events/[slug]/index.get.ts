import type { EventDetailView } from '#shared/events/views'
import { eventSlugParams } from '#shared/events/requests'
import { eventQuery, toEventDetail, toEventView } from '~~/server/events/views'
import { findPublicEvent } from '~~/server/events/public'

export default defineEventHandler(async (event): Promise<EventDetailView> => {
  const { slug } = await validParams(event, eventSlugParams)
  const row = await findPublicEvent(slug)
  cachePublic(event, 15)
  const detail = toEventDetail(row)
  if (!row.series_id) return detail
  const { db } = await usePortal()
  const now = new Date().toISOString()
  const others = await eventQuery(db).where('e.series_id', '=', row.series_id).where('e.id', '!=', row.id).where('e.status', '=', 'published')
    .where('e.ends_at', '>', now).orderBy('e.starts_at').limit(12).execute()
  return { ...detail, series: { dates: others.map(o => ({ slug: o.slug, startsAt: o.starts_at, bookingOpen: toEventView(o, now).bookingOpen })) } }
})
