import { calendarQuery, eventSlugParams } from '#shared/events/requests'
import { displayPrefs } from '#shared/i18n/languages'
import { toEventDetail } from '../../../events/views'
import { findPublicEvent } from '../../../events/public'
import { eventCalendar } from '../../../events/calendar'
import { seriesCalendar } from '../../../events/series'

/**
 * A repeating class's whole series as one calendar entry: RRULE from its first class, EXDATE for the
 * dates skipped, cancelled or not yet published; texts and place from this occurrence. 404 for a one-off event.
 */
export default defineEventHandler(async (event): Promise<string> => {
  const { slug } = await validParams(event, eventSlugParams)
  const query = await validQuery(event, calendarQuery)
  const row = await findPublicEvent(slug)
  const { db, city } = await usePortal()
  const series = row.series_id ? await seriesCalendar(db, row.series_id) : undefined
  if (!series) throw createError({ statusCode: 404, message: 'This event is not part of a series' })
  const lang = query.lang ?? displayPrefs(getRequestHeader(event, 'cookie'), getRequestHeader(event, 'accept-language')).language
  const config = portalConfig()
  const { origin, trusted } = portalOrigin(event, config)
  const body = eventCalendar({
    event: toEventDetail(row),
    lang,
    city,
    revision: row.revision ?? 0,
    url: `${origin}/events/${row.slug}`,
    uidDomain: new URL(publicOrigin(config)).hostname,
    updatedAt: row.updated_at,
    series,
  })
  setResponseHeaders(event, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="${row.slug}-series.ics"`,
    'content-language': lang,
    'vary': 'Cookie, Accept-Language',
    'cache-control': trusted ? 'public, max-age=300' : 'no-store',
  })
  return body
})
