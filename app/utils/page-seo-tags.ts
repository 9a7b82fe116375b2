import { computed, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import type { RouteLocationNormalizedLoaded } from 'vue-router'
import type { Language } from '#shared/i18n/languages'
import type { LocalizedText } from '#shared/primitives'

/** What a public page says about itself (usePageSeo). */
export interface PageSeo {
  /** The page's own title (the site's name is added by app.vue's template). */
  title: MaybeRefOrGetter<string>
  /** One or two sentences in the page's language; the city's week (its theme) when absent. */
  description?: MaybeRefOrGetter<string | null | undefined>
  /** The share picture's path (`/api/events/<slug>/share.png`): the language is added. The city's picture when absent. */
  image?: MaybeRefOrGetter<string | null | undefined>
  /** schema.org JSON-LD for the page (an Event, a Course), given the page's canonical address and its picture. */
  jsonLd?: (page: { url: string, image: string }) => Record<string, unknown> | null | undefined
  /** The events feeds' query (`''` for the whole city, `?district=heping`): links them as alternates. */
  feeds?: MaybeRefOrGetter<string | null | undefined>
}

/** Query keys that never make another page: the language is added back by itself. */
const IGNORED = new Set(['lang', 'page'])

/** The page's address in a language: the path and its filters, sorted, with `lang=en` for English. */
export function pageAddress(origin: string, path: string, query: Record<string, unknown>, lang: Language): string {
  const params = new URLSearchParams()
  for (const key of Object.keys(query).sort()) {
    if (IGNORED.has(key)) continue
    const value = query[key]
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string' && v) params.append(key, v)
  }
  if (lang === 'en') params.set('lang', 'en')
  const search = params.toString()
  return `${origin}${path}${search ? `?${search}` : ''}`
}

/** A description as search results and chat cards show it: one line of text, at most 160 characters. */
export function shorten(text: string | null | undefined, max = 160): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line
}

/** What usePageSeo hands over, taken while the page's setup runs. */
export interface PageSeoContext {
  seo: PageSeo
  t: (key: string, options?: Record<string, unknown>) => string
  locale: { lang: ComputedRef<Language>, text: (value: LocalizedText | null | undefined) => string }
  route: RouteLocationNormalizedLoaded
  origin: Ref<string>
  city: Ref<{ name: LocalizedText, week: { theme: LocalizedText } } | null | undefined>
}

/** The head a public page carries (usePageSeo): meta, links and JSON-LD, each a getter so they follow the page. */
export function pageSeoTags({ seo, t, locale: { lang, text }, route, origin, city }: PageSeoContext) {
  const canonical = computed(() => pageAddress(origin.value, route.path, route.query, lang.value))
  const description = computed(() => shorten(toValue(seo.description) || text(city.value?.week.theme)) || undefined)
  const image = computed(() => {
    const path = toValue(seo.image) ?? '/share.png'
    return `${origin.value}${path}${lang.value === 'en' ? `${path.includes('?') ? '&' : '?'}lang=en` : ''}`
  })
  return {
    // Open Graph properties by `property`, the rest by `name`.
    meta: () => Object.entries({
      'description': description.value,
      'og:title': toValue(seo.title),
      'og:description': description.value,
      'og:type': 'website',
      'og:url': canonical.value,
      'og:image': image.value,
      'og:site_name': t('app.siteName', { city: text(city.value?.name) }),
      'og:locale': lang.value === 'en' ? 'en_GB' : 'zh_CN',
      'twitter:card': 'summary_large_image',
    }).map(([key, content]) => (key.startsWith('og:') ? { property: key, content } : { name: key, content })),
    link: () => {
      const feeds = toValue(seo.feeds)
      const feedSearch = lang.value === 'en' ? `${feeds}${feeds ? '&' : '?'}lang=en` : feeds
      return [
        { rel: 'canonical' as const, href: canonical.value },
        ...(['zh-CN', 'en', 'x-default'] as const).map(hreflang => ({ rel: 'alternate' as const, hreflang, href: pageAddress(origin.value, route.path, route.query, hreflang === 'en' ? 'en' : 'zh-CN') })),
        ...(feeds === null || feeds === undefined
          ? []
          : ([['text/calendar', 'ics', 'feeds.calendarFeed'], ['application/atom+xml', 'atom', 'feeds.atomFeed']] as const).map(([type, ext, title]) => ({ rel: 'alternate' as const, type, title: t(title), href: `/api/events/feed.${ext}${feedSearch}` }))),
      ]
    },
    script: () => {
      const data = seo.jsonLd?.({ url: canonical.value, image: image.value })
      // '<' is escaped so no text in the data can close the script element.
      return data ? [{ type: 'application/ld+json' as const, innerHTML: JSON.stringify(data).replace(/</g, '\\u003c') }] : []
    },
  }
}
