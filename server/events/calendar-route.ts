import type { H3Event } from 'h3'
import { calendarQuery, eventSlugParams } from '#shared/events/requests'
import { displayPrefs } from '#shared/i18n/languages'
import { eventCalendar, type CalendarSeries } from './calendar'
import { findPublicEvent } from './public'
import { toEventDetail } from './views'

type EventRow = Awaited<ReturnType<typeof findPublicEvent>>

/**
 * GET of an event's calendar file, one event's or its whole series': the event from the route,
 * the resident's language (?lang=, cookie, Accept-Language), and the answer's headers.
 * `series` gives the series for the row, or undefined for a 404.
 */
export async function eventCalendarRoute(event: H3Event, series?: (row: EventRow) => Promise<CalendarSeries | undefined>): Promise<string> {
  const { slug } = await validParams(event, eventSlugParams)
  const query = await validQuery(event, calendarQuery)
  const row = await findPublicEvent(slug)
  const whole = series ? await series(row) : undefined
  if (series && !whole) throw createError({ statusCode: 404, message: 'This event is not part of a series' })
  const lang = query.lang ?? displayPrefs(getRequestHeader(event, 'cookie'), getRequestHeader(event, 'accept-language')).language
  const config = portalConfig()
  const { origin, trusted } = portalOrigin(event, config)
  const { city } = await usePortal()
  const body = eventCalendar({
    event: toEventDetail(row),
    lang,
    city,
    revision: row.revision ?? 0,
    url: `${origin}/events/${row.slug}`,
    uidDomain: new URL(publicOrigin(config)).hostname,
    updatedAt: row.updated_at,
    series: whole,
  })
  setResponseHeaders(event, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="${row.slug}${whole ? '-series' : ''}.ics"`,
    'content-language': lang,
    'vary': 'Cookie, Accept-Language',
    // Under a host the portal does not answer to, nothing may keep this copy for others.
    'cache-control': trusted ? 'public, max-age=300' : 'no-store',
  })
  return body
}
