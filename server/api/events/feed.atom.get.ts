import { feedQuery } from '#shared/events/requests'
import { displayPrefs, pickText } from '#shared/i18n/languages'
import { formatDateTime } from '#shared/utils/dates'
import { atomFeed, feedScope, feedText, feedSearch, feedTitle, publishedCases, weekEvents, type AtomEntry } from '~~/server/events/feeds'

/**
 * An Atom feed (RFC 4287) of the experience week's events (the city's, `?district=` or `?venue=`)
 * and the showcase's published cases, newest change first. Public, read-only.
 */
export default defineEventHandler(async (event): Promise<string> => {
  const query = await validQuery(event, feedQuery)
  const { db, city } = await usePortal()
  const scope = await feedScope(db, city, query)
  const lang = query.lang ?? displayPrefs(getRequestHeader(event, 'cookie'), getRequestHeader(event, 'accept-language')).language
  const config = portalConfig()
  const { origin, trusted } = portalOrigin(event, config)
  const events = await weekEvents(db, city, scope)
  const cases = scope.district || scope.venue ? [] : await publishedCases(db, city)
  const t = feedText(lang)
  const entries: AtomEntry[] = [
    ...events.map(({ view: e, updatedAt }) => ({
      id: `urn:uuid:${e.id}`,
      title: e.status === 'cancelled' ? t('events.calendar.cancelledTitle', { title: pickText(e.title, lang) }) : pickText(e.title, lang),
      summary: [formatDateTime(e.startsAt, lang), e.venue ? pickText(e.venue.name, lang) : t('events.online'), pickText(e.summary, lang)].join(' · '),
      url: `${origin}/events/${e.slug}`,
      updated: updatedAt,
      category: 'event' as const,
    })),
    ...cases.map(c => ({
      id: `urn:uuid:${c.id}`,
      title: c.title,
      summary: [c.organisation_name, c.summary].filter(Boolean).join(' · '),
      url: `${origin}/cases/${c.slug}`,
      updated: c.updated_at,
      published: c.published_at ?? undefined,
      category: 'case' as const,
    })),
  ].sort((a, b) => b.updated.localeCompare(a.updated))
  const search = feedSearch(scope, query.lang)
  const body = atomFeed({
    // The feed's id never changes with the host or the language it was asked in.
    id: `${publicOrigin(config)}/api/events/feed.atom${feedSearch(scope)}`,
    title: feedTitle(city, scope, lang),
    subtitle: pickText(city.week.theme, lang),
    self: `${origin}/api/events/feed.atom${search}`,
    alternate: `${origin}/events${feedSearch(scope)}`,
    lang,
    author: pickText(city.contact.organisation, lang),
    entries,
    updated: entries[0]?.updated ?? new Date(`${city.week.startsOn}T00:00:00+08:00`).toISOString(),
  })
  setResponseHeaders(event, {
    'content-type': 'application/atom+xml; charset=utf-8',
    'content-language': lang,
    'vary': 'Cookie, Accept-Language',
    'cache-control': trusted ? 'public, max-age=300' : 'no-store',
  })
  return body
})
