import { ELDER_COOKIE, LANGUAGE_COOKIE, negotiateLanguage } from '../../shared/i18n/languages'

/** Pages that look the same to every visitor of one language and display mode. */
const PUBLIC_PAGES = /^\/(?:events(?:\/[^/]+)?|venues|about|statistics|api\/statistics(?:\/[a-z0-9-]+\.(?:csv|json))?|quiz(?:\/[^/]+)?|contests(?:\/[^/]+)?|cases(?:\/(?!(?:submissions|calls)\/?$)[^/]+|\/calls\/[^/]+(?:\/book)?)?|courses(?:\/(?!resume\/?$)[^/]+(?:\/[^/]+\/[^/]+)?)?)?\/?$/
/** Whoever carries a session (staff) gets pages rendered for them. */
const SESSION_COOKIE = 'nuxt-session'

export interface PageRequest {
  method: string
  host: string
  /** Path and query, as requested. */
  url: string
  cookies: Record<string, string | undefined>
  acceptLanguage?: string | null
}

/** The key a page is cached under, or null when this request must be rendered for itself. */
export function pageCacheKey(request: PageRequest): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null
  if (!PUBLIC_PAGES.test(request.url.split('?')[0]!)) return null
  if (request.cookies[SESSION_COOKIE]) return null
  const language = negotiateLanguage(request.cookies[LANGUAGE_COOKIE], request.acceptLanguage)
  const mode = request.cookies[ELDER_COOKIE] === '1' ? 'elder' : 'standard'
  return `${language} ${mode} ${request.host} ${request.url}`
}
