import { ELDER_COOKIE, LANGUAGE_COOKIE, negotiateLanguage } from '../../shared/i18n/languages'

/** Pages that look the same to every visitor of one language and display mode. */
const PUBLIC_PAGES = /^\/(?:events(?:\/[^/]+)?|venues|about)?\/?$/
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

/** How long a rendered page is served again: PORTAL_PAGE_CACHE_SECONDS, 10 by default, 0 to switch off. */
export function pageCacheSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PORTAL_PAGE_CACHE_SECONDS
  if (raw === undefined || raw === '') return 10
  const seconds = Number(raw)
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= 3600 ? seconds : 10
}
