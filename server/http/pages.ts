/** Pages about one person, or for staff: never kept by a browser or a proxy. */
const PERSONAL_PAGES = /^\/(?:tickets|release|my-bookings|my-data|organizer|admin|login|cases\/submissions|cases\/calls\/[^/]+\/submit|contests\/[^/]+\/play|quiz\/[^/]+\/(?:play|result)|courses\/resume)(?:\/|$)/i
const SESSION_COOKIE = 'nuxt-session'

/**
 * What every page varies on: its coding, and the language and elder-mode cookies and Accept-Language
 * the renderer (and the page cache's key, server/page-cache/policy.ts) read.
 */
export const PAGE_VARY = 'Accept-Encoding, Accept-Language, Cookie'
export const PERSONAL = 'private, no-store'
/**
 * Public pages: anyone may keep them, but asks again each time (its ETag makes that a 304). The server's
 * page cache already serves them for a few seconds; a browser or proxy keeping them longer would show
 * places that are gone.
 */
export const PUBLIC = 'public, no-cache'

/** A page's Cache-Control: personal for staff sessions and personal pages, public for the rest. */
export function pageCacheControl(path: string, cookieHeader: string | undefined): string {
  if (cookieHeader?.includes(SESSION_COOKIE)) return PERSONAL
  let decoded: string
  try {
    decoded = decodeURIComponent(path).replace(/[\\/]+/g, '/')
  }
  catch {
    return PERSONAL
  }
  if (PERSONAL_PAGES.test(path) || PERSONAL_PAGES.test(decoded)) return PERSONAL
  return PUBLIC
}

/** Files a path may name (a ticket's token has a dot too, so only these). */
const FILE = /\.(?:txt|xml|json|js|mjs|css|map|svg|png|jpe?g|webp|gif|ico|webmanifest|woff2?|ics|csv|xlsx|pdf|zip|atom|rss)$/i

/** Whether a GET is for a page (not the API, Nuxt's own routes or a file). */
export const isPagePath = (path: string) => !/^\/(?:api|_nuxt|__nuxt)/.test(path) && !FILE.test(path)
