import { robotsTxt } from '~~/server/utils/seo'

/** robots.txt: staff, residents' own pages and the API stay out of search engines; the sitemap is named. */
export default defineEventHandler((event): string => {
  setResponseHeaders(event, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' })
  return robotsTxt(portalOrigin(event).origin)
})
