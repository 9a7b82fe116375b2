import type { PageSeo } from '~/utils/page-seo-tags'

/** The origin absolute links are built from: the server's (PORTAL_PUBLIC_ORIGIN or an allowed host), kept in the payload. */
export function usePortalOrigin() {
  return useState<string>('portal.origin', () => (import.meta.server ? useRequestEvent()?.context.portalOrigin ?? useRequestURL().origin : window.location.origin))
}

/**
 * What search engines and chat apps read from a public page: its title and description in its language,
 * Open Graph (title, description, picture, address), a canonical link and its other language
 * (`hreflang`), its JSON-LD, and the events feeds where it lists events. One call per page.
 *
 * The tags are built by `utils/page-seo-tags.ts`, a chunk of its own: the server waits for it (pages
 * `await usePageSeo(…)`; crawlers and chat apps read that HTML), the browser fetches it after start-up
 * and keeps the tags right across client-side moves, so the home page's start-up code stays within budget.
 */
export function usePageSeo(seo: PageSeo): Promise<void> | undefined {
  const { t } = useTranslation()
  const tr = (key: string, options?: Record<string, unknown>) => t(key, options ?? {})
  const context = {
    seo,
    t: tr,
    locale: useLocale(),
    route: useRoute(),
    origin: usePortalOrigin(),
    city: useCity().data,
  }
  const title = () => toValue(seo.title)
  const head = useHead({ title })
  const loaded = import('~/utils/page-seo-tags').then(m => head?.patch({ title, ...m.pageSeoTags(context) }))
  if (import.meta.server) return loaded
  // Offline in the browser: the server's tags stay as they were.
  loaded.catch(() => {})
  return undefined
}
