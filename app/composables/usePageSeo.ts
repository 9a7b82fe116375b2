import type { MaybeRefOrGetter } from 'vue'
import type { Language } from '#shared/i18n/languages'

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

/** The origin absolute links are built from: the server's (PORTAL_PUBLIC_ORIGIN or an allowed host), kept in the payload. */
export function usePortalOrigin() {
  return useState<string>('portal.origin', () => (import.meta.server ? useRequestEvent()?.context.portalOrigin ?? useRequestURL().origin : window.location.origin))
}

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

/**
 * What search engines and chat apps read from a public page: its title and description in its language,
 * Open Graph (title, description, picture, address), a canonical link and its other language
 * (`hreflang`), its JSON-LD, and the events feeds where it lists events. One call per page.
 */
export function usePageSeo(seo: PageSeo) {
  const { t } = useTranslation()
  const { lang, text } = useLocale()
  const route = useRoute()
  const origin = usePortalOrigin()
  const { data: city } = useCity()

  const canonical = computed(() => pageAddress(origin.value, route.path, route.query, lang.value))
  const description = computed(() => shorten(toValue(seo.description) || text(city.value?.week.theme)) || undefined)
  const image = computed(() => {
    const path = toValue(seo.image) ?? '/share.png'
    return `${origin.value}${path}${lang.value === 'en' ? `${path.includes('?') ? '&' : '?'}lang=en` : ''}`
  })
  const siteName = computed(() => t('app.siteName', { city: text(city.value?.name) }))

  useHead({
    title: () => toValue(seo.title),
    link: () => [
      { rel: 'canonical', href: canonical.value },
      { rel: 'alternate', hreflang: 'zh-CN', href: pageAddress(origin.value, route.path, route.query, 'zh-CN') },
      { rel: 'alternate', hreflang: 'en', href: pageAddress(origin.value, route.path, route.query, 'en') },
      { rel: 'alternate', hreflang: 'x-default', href: pageAddress(origin.value, route.path, route.query, 'zh-CN') },
      ...feedLinks(toValue(seo.feeds), lang.value, t),
    ],
    script: () => {
      const data = seo.jsonLd?.({ url: canonical.value, image: image.value })
      // '<' is escaped so no text in the data can close the script element.
      return data ? [{ type: 'application/ld+json', innerHTML: JSON.stringify(data).replace(/</g, '\\u003c') }] : []
    },
  })
  useSeoMeta({
    description: () => description.value,
    ogTitle: () => toValue(seo.title),
    ogDescription: () => description.value,
    ogType: 'website',
    ogUrl: () => canonical.value,
    ogImage: () => image.value,
    ogImageAlt: () => toValue(seo.title),
    ogSiteName: () => siteName.value,
    ogLocale: () => (lang.value === 'en' ? 'en_GB' : 'zh_CN'),
    twitterCard: 'summary_large_image',
  })
}

function feedLinks(query: string | null | undefined, lang: Language, t: (key: string) => string) {
  if (query === null || query === undefined) return []
  const search = lang === 'en' ? `${query}${query ? '&' : '?'}lang=en` : query
  return [
    { rel: 'alternate', type: 'text/calendar', title: t('feeds.calendarFeed'), href: `/api/events/feed.ics${search}` },
    { rel: 'alternate', type: 'application/atom+xml', title: t('feeds.atomFeed'), href: `/api/events/feed.atom${search}` },
  ]
}

/** A description as search results and chat cards show it: one line of text, at most 160 characters. */
export function shorten(text: string | null | undefined, max = 160): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line
}
