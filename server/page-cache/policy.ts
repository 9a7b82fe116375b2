import { displayPrefs } from '#shared/i18n/languages'

/** Pages that look the same to every visitor of one language and display mode. */
const PUBLIC_PAGES = /^\/(?:events(?:\/[^/]+)?|venues|about|statistics|api\/statistics(?:\/[a-z0-9-]+\.(?:csv|json))?|quiz(?:\/[^/]+)?|contests(?:\/[^/]+)?|cases(?:\/(?!(?:submissions|calls)\/?$)[^/]+|\/calls\/[^/]+(?:\/book)?)?|courses(?:\/(?!resume\/?$)[^/]+(?:\/[^/]+\/[^/]+)?)?)?\/?$/
/** Whoever carries a session (staff) gets pages rendered for them. */
const SESSION_COOKIE = 'nuxt-session'

export interface PageRequest {
  method: string
  host: string
  /** Path and query, as requested. */
  url: string
  /** The Cookie header as sent: read by the same function as the renderer's. */
  cookieHeader?: string | null
  acceptLanguage?: string | null
}

/**
 * The router matches paths regardless of case, trailing slash and percent-encoding,
 * so a page is public only if every way it may be read is: as sent, lower-cased,
 * and decoded with repeated or backward slashes made one. Undecodable → not public.
 */
function isPublicPage(path: string): boolean {
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  }
  catch {
    return false
  }
  return [path, path.toLowerCase(), decoded.toLowerCase().replace(/[\\/]+/g, '/')].every(p => PUBLIC_PAGES.test(p))
}

/** The key a page is cached under, or null when this request must be rendered for itself. */
export function pageCacheKey(request: PageRequest): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null
  if (!isPublicPage(request.url.split('?')[0]!)) return null
  // Any mention of the session cookie, however it is written, and the page is rendered for itself.
  if (request.cookieHeader?.includes(SESSION_COOKIE)) return null
  const { language, elder } = displayPrefs(request.cookieHeader, request.acceptLanguage, request.url)
  return `${language} ${elder ? 'elder' : 'standard'} ${request.host} ${request.url}`
}
