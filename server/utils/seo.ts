/**
 * What search engines read besides the pages: robots.txt and the sitemap. Pages' own tags come from
 * app/composables/usePageSeo.ts, which builds a page's address in each language the same way
 * (`?lang=en` for English, the bare path for Chinese).
 */

/** Paths no crawler should visit: staff pages, residents' own pages, sign-in and the API (but the share pictures). */
export const DISALLOWED = [
  '/organizer', '/admin', '/login',
  '/tickets/', '/release/', '/my-bookings', '/my-data',
  '/cases/submissions/', '/cases/calls/*/submit', '/contests/*/play/', '/quiz/*/play', '/quiz/*/result/', '/quiz/*/print',
  '/courses/resume', '/courses/*/certificate',
  '/api/',
] as const

/** Under /api/, what chat apps and readers fetch for a shared link or a subscription. */
export const ALLOWED = ['/api/events/*/share.png', '/api/courses/*/share.png', '/api/events/poster.png', '/api/events/feed.ics', '/api/events/feed.atom'] as const

export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    ...ALLOWED.map(p => `Allow: ${p}`),
    ...DISALLOWED.map(p => `Disallow: ${p}`),
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n')
}

export interface SitemapPage {
  /** The path, with its query if any (no `lang`). */
  path: string
  /** When it last changed (ISO 8601). */
  lastmod?: string | null
}

const xml = (text: string) => text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;' })[c]!)

/** A page's address in a language, as the pages' canonical links write it. */
export function localizedUrl(origin: string, path: string, lang: 'zh-CN' | 'en'): string {
  if (lang === 'zh-CN') return `${origin}${path}`
  return `${origin}${path}${path.includes('?') ? '&' : '?'}lang=en`
}

/** The sitemap (sitemaps.org 0.9): every page in both languages, each naming the other (hreflang). */
export function sitemapXml(origin: string, pages: readonly SitemapPage[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
  for (const page of pages) {
    const zh = localizedUrl(origin, page.path, 'zh-CN')
    const en = localizedUrl(origin, page.path, 'en')
    for (const loc of [zh, en]) {
      lines.push(
        '  <url>',
        `    <loc>${xml(loc)}</loc>`,
        ...(page.lastmod ? [`    <lastmod>${new Date(page.lastmod).toISOString()}</lastmod>`] : []),
        `    <xhtml:link rel="alternate" hreflang="zh-CN" href="${xml(zh)}"/>`,
        `    <xhtml:link rel="alternate" hreflang="en" href="${xml(en)}"/>`,
        `    <xhtml:link rel="alternate" hreflang="x-default" href="${xml(zh)}"/>`,
        '  </url>',
      )
    }
  }
  lines.push('</urlset>', '')
  return lines.join('\n')
}
