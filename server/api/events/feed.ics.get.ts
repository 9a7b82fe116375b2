import { feedQuery } from '#shared/events/requests'
import { displayPrefs, pickText } from '#shared/i18n/languages'
import { eventsFeed } from '~~/server/events/calendar'
import { feedScope, feedTitle, weekEvents } from '~~/server/events/feeds'

/**
 * The experience week's events to subscribe to (webcal://): the whole city, `?district=` or `?venue=`.
 * Stable UIDs, each event's revision as SEQUENCE, cancelled events as STATUS:CANCELLED. Public, read-only.
 */
export default defineEventHandler(async (event): Promise<string> => {
  const query = await validQuery(event, feedQuery)
  const { db, city } = await usePortal()
  const scope = await feedScope(db, city, query)
  const lang = query.lang ?? displayPrefs(getRequestHeader(event, 'cookie'), getRequestHeader(event, 'accept-language')).language
  const config = portalConfig()
  const { origin, trusted } = portalOrigin(event, config)
  const events = await weekEvents(db, city, scope)
  const body = eventsFeed(
    events.map(e => ({ event: e.view, url: `${origin}/events/${e.view.slug}`, updatedAt: e.updatedAt, revision: e.revision })),
    { lang, city, uidDomain: new URL(publicOrigin(config)).hostname, name: feedTitle(city, scope, lang), description: pickText(city.week.theme, lang) },
  )
  setResponseHeaders(event, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${[city.slug, scope.district?.code, scope.venue?.code].filter(Boolean).join('-')}-events.ics"`,
    'content-language': lang,
    'vary': 'Cookie, Accept-Language',
    'cache-control': trusted ? 'public, max-age=300' : 'no-store',
  })
  return body
})
