import type { ComputedRef, Ref } from 'vue'
import type { RouteLocationNormalizedLoaded } from 'vue-router'
import type { Language } from '#shared/i18n/languages'
import type { PageSeo } from '../composables/usePageSeo'

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
  locale: { lang: ComputedRef<Language>, text: (value: { zh: string, en: string } | null | undefined) => string }
  route: RouteLocationNormalizedLoaded
  origin: Ref<string>
  city: Ref<{ name: { zh: string, en: string }, week: { theme: { zh: string, en: string } } } | null | undefined>
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
    }).map(([key, content]) => ({ [key.startsWith('og:') ? 'property' : 'name']: key, content })),
    link: () => {
      const feeds = toValue(seo.feeds)
      const feedSearch = lang.value === 'en' ? `${feeds}${feeds ? '&' : '?'}lang=en` : feeds
      return [
        { rel: 'canonical', href: canonical.value },
        ...(['zh-CN', 'en', 'x-default'] as const).map(hreflang => ({ rel: 'alternate', hreflang, href: pageAddress(origin.value, route.path, route.query, hreflang === 'en' ? 'en' : 'zh-CN') })),
        ...(feeds === null || feeds === undefined
          ? []
          : [['text/calendar', 'ics', 'feeds.calendarFeed'], ['application/atom+xml', 'atom', 'feeds.atomFeed']].map(([type, ext, title]) => ({ rel: 'alternate', type, title: t(title!), href: `/api/events/feed.${ext}${feedSearch}` }))),
      ]
    },
    script: () => {
      const data = seo.jsonLd?.({ url: canonical.value, image: image.value })
      // '<' is escaped so no text in the data can close the script element.
      return data ? [{ type: 'application/ld+json', innerHTML: JSON.stringify(data).replace(/</g, '\\u003c') }] : []
    },
  }
}
