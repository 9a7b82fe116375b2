import type { Kysely } from 'kysely'
import { createError } from 'h3'
import i18next from 'i18next'
import { publicStatuses } from '#shared/cases/vocabulary'
import type { CityProfile } from '#shared/city/profile'
import type { FeedQuery } from '#shared/events/requests'
import { dictionaries } from '#shared/i18n/dictionaries'
import { languages, pickText, type Language } from '#shared/i18n/languages'
import { dateOnlyToInstant } from '#shared/utils/dates'
import type { Database } from '~~/server/database/schema'
import { toEventView, eventQuery } from './views'
import type { LocalizedText } from '#shared/primitives'

const i18n = i18next.createInstance()
i18n.init({
  resources: Object.fromEntries(languages.map(lng => [lng, { translation: dictionaries[lng].events }])),
  lng: 'zh-CN',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
})

export type FeedCity = Pick<CityProfile, 'slug' | 'name' | 'week' | 'contact'>

/** What a feed covers: the whole city, a district or a venue, with the name a calendar shows for it. */
export interface FeedScope {
  district?: { code: string, name: LocalizedText }
  venue?: { code: string, id: string, name: LocalizedText }
}

/** The district or venue a feed asks for, or a 404 when the city has none by that code. */
export async function feedScope(db: Kysely<Database>, city: FeedCity, query: Pick<FeedQuery, 'district' | 'venue'>): Promise<FeedScope> {
  const scope: FeedScope = {}
  if (query.district) {
    const d = await db.selectFrom('districts').select(['code', 'name_zh', 'name_en']).where('city_slug', '=', city.slug).where('code', '=', query.district).executeTakeFirst()
    if (!d) throw createError({ statusCode: 404, message: 'No such district' })
    scope.district = { code: d.code, name: { zh: d.name_zh, en: d.name_en } }
  }
  if (query.venue) {
    const v = await db.selectFrom('venues').select(['id', 'code', 'name_zh', 'name_en']).where('city_slug', '=', city.slug).where('code', '=', query.venue).executeTakeFirst()
    if (!v) throw createError({ statusCode: 404, message: 'No such venue' })
    scope.venue = { id: v.id, code: v.code, name: { zh: v.name_zh, en: v.name_en } }
  }
  return scope
}

/**
 * The experience week's events in a scope: published and cancelled (so a subscribed calendar learns
 * of a cancellation), never drafts, soonest first. The week is the profile's (the demo's when it serves its own).
 */
export async function weekEvents(db: Kysely<Database>, city: FeedCity, scope: FeedScope) {
  const from = dateOnlyToInstant(city.week.startsOn)
  const to = new Date(dateOnlyToInstant(city.week.endsOn).getTime() + 86_400_000)
  let q = eventQuery(db).where('e.city_slug', '=', city.slug).where('e.status', 'in', ['published', 'cancelled'])
    .where('e.starts_at', '>=', from.toISOString()).where('e.starts_at', '<', to.toISOString())
  if (scope.district) q = q.where('e.district_code', '=', scope.district.code)
  if (scope.venue) q = q.where('e.venue_id', '=', scope.venue.id)
  const rows = await q.orderBy('e.starts_at').orderBy('e.slug').execute()
  return rows.map(r => ({ view: toEventView(r), updatedAt: r.updated_at, revision: r.revision ?? 0 }))
}

/** The published cases of the city's calls (not hidden), newest first. */
export async function publishedCases(db: Kysely<Database>, city: FeedCity, limit = 50) {
  return db.selectFrom('case_submissions as s').innerJoin('case_calls as c', 'c.id', 's.call_id')
    .where('c.city_slug', '=', city.slug).where('s.status', 'in', publicStatuses).where('s.hidden_at', 'is', null).where('s.slug', 'is not', null)
    .select(['s.id', 's.slug', 's.title', 's.summary', 's.organisation_name', 's.published_at', 's.updated_at'])
    .orderBy('s.published_at', 'desc').orderBy('s.id').limit(limit).execute()
}

/** The events dictionary in one language, for the feeds' and calendar files' texts. */
export const feedText = (lang: Language) => i18n.getFixedT(lang)

/** The feed's name in a language: the city's week, and the district or venue when it has one. */
export function feedTitle(city: FeedCity, scope: FeedScope, lang: Language): string {
  const t = i18n.getFixedT(lang)
  const base = t('events.feeds.name', { city: pickText(city.name, lang) })
  const place = scope.venue ?? scope.district
  return place ? t('events.feeds.nameOf', { name: base, place: pickText(place.name, lang) }) : base
}

/** The query string a feed's link keeps (district, venue, language), `?`-prefixed or empty. */
export function feedSearch(scope: FeedScope, lang?: Language): string {
  const params = new URLSearchParams()
  if (scope.district) params.set('district', scope.district.code)
  if (scope.venue) params.set('venue', scope.venue.code)
  if (lang) params.set('lang', lang)
  const text = params.toString()
  return text ? `?${text}` : ''
}

const xml = (text: string) => text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;' })[c]!)
  // Characters XML 1.0 does not allow.
  // eslint-disable-next-line no-control-regex
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')

export interface AtomEntry {
  /** A URI that never changes: urn:uuid: of the row's id. */
  id: string
  title: string
  summary: string
  url: string
  updated: string
  published?: string
  category: 'event' | 'case'
}

/** An Atom 1.0 document (RFC 4287): ids that never change, a self link, text content only. */
export function atomFeed(input: { id: string, title: string, subtitle: string, self: string, alternate: string, lang: Language, author: string, entries: readonly AtomEntry[], updated: string }): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${input.lang}">`,
    `  <id>${xml(input.id)}</id>`,
    `  <title>${xml(input.title)}</title>`,
    `  <subtitle>${xml(input.subtitle)}</subtitle>`,
    `  <updated>${new Date(input.updated).toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(input.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(input.alternate)}"/>`,
    `  <author><name>${xml(input.author)}</name></author>`,
    ...input.entries.flatMap(e => [
      '  <entry>',
      `    <id>${xml(e.id)}</id>`,
      `    <title>${xml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(e.url)}"/>`,
      `    <updated>${new Date(e.updated).toISOString()}</updated>`,
      ...(e.published ? [`    <published>${new Date(e.published).toISOString()}</published>`] : []),
      `    <category term="${e.category}"/>`,
      `    <summary type="text">${xml(e.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ]
  return lines.join('\n')
}
