import { calendarQuery, eventSlugParams } from '#shared/events/requests'
import { displayPrefs } from '#shared/i18n/languages'
import { toEventDetail } from '../../../events/views'
import { findPublicEvent } from '../../../events/public'
import { eventCalendar } from '../../../events/calendar'

/** The event as a calendar file (iCalendar) in the resident's language, with a reminder the day before. */
export default defineEventHandler(async (event): Promise<string> => {
  const { slug } = await validParams(event, eventSlugParams)
  const query = await validQuery(event, calendarQuery)
  const row = await findPublicEvent(slug)
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
  })
  setResponseHeaders(event, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="${row.slug}.ics"`,
    'content-language': lang,
    'vary': 'Cookie, Accept-Language',
    // Under a host the portal does not answer to, nothing may keep this copy for others.
    'cache-control': trusted ? 'public, max-age=300' : 'no-store',
  })
  return body
})
