import { describe, expect, it } from 'vitest'
import { pageCacheKey, type PageRequest } from '~~/server/page-cache/policy'
import { pageCacheSeconds } from '~~/server/utils/config'
import { displayPrefs } from '#shared/i18n/languages'

const request = (over: Partial<PageRequest> = {}): PageRequest =>
  ({ method: 'GET', host: 'portal.example.gov.cn', url: '/events', acceptLanguage: 'zh-CN,zh;q=0.9', ...over })

describe('which pages are cached, and under which key', () => {
  it.each(['/', '/events', '/events?district=heping&page=2', '/events/heping-mobile-payment-for-seniors', '/venues', '/about', '/courses', '/courses?topic=mobile-payment', '/courses/pay-by-phone-safely', '/courses/pay-by-phone-safely/scan-to-pay/3', '/courses/pay-by-phone-safely/scan-to-pay/summary?q1=1', '/cases', '/cases?theme=industry', '/cases/2025-tianjin-1', '/cases/calls/week-case-call', '/cases/calls/last-year-case-call/book'])('caches the public page %s', (url) => {
    expect(pageCacheKey(request({ url }))).toContain(url)
  })

  it.each(['/tickets/abc.def', '/release/abc.def', '/my-bookings', '/login', '/organizer', '/organizer/events/1', '/admin/users', '/api/events', '/events/a/b', '/cases/submissions/0191-abc?code=ABCDEFGH', '/cases/submissions', '/cases/submissions/', '/cases/calls/week-case-call/submit', '/cases/calls'])('renders %s for each request', (url) => {
    expect(pageCacheKey(request({ url }))).toBeNull()
  })

  it('never caches for staff with a session, nor anything but GET and HEAD', () => {
    expect(pageCacheKey(request({ cookieHeader: 'nuxt-session=sealed' }))).toBeNull()
    expect(pageCacheKey(request({ method: 'POST' }))).toBeNull()
    expect(pageCacheKey(request({ method: 'HEAD' }))).not.toBeNull()
  })

  it('keeps languages, display modes and hosts apart, and matches the language the page will be rendered in', () => {
    const keys = [
      request(),
      request({ acceptLanguage: 'en-GB,en;q=0.8' }),
      request({ cookieHeader: 'elder=1' }),
      request({ host: 'other.example' }),
    ].map(pageCacheKey)
    expect(new Set(keys).size).toBe(4)
    // The chosen language wins over the browser's, as when rendering.
    expect(pageCacheKey(request({ acceptLanguage: 'en', cookieHeader: 'lang=zh-CN' }))).toBe(pageCacheKey(request()))
    expect(pageCacheKey(request({ cookieHeader: 'elder=0' }))).toBe(pageCacheKey(request()))
  })

  // Each pair: a Cookie header and an Accept-Language, as an outsider may send them.
  const headerPairs: Array<[string | undefined, string | undefined]> = []
  for (const lang of [undefined, 'lang=zh-CN', 'lang=en', 'lang="zh-CN"', 'lang="en"', 'lang=%22en%22', 'lang=EN', 'lang="fr"', 'lang=en; lang=zh-CN', 'lang=%E0%A4%A'])
    for (const elder of [undefined, 'elder=1', 'elder="1"', 'elder=0', 'elder= 1', 'elder=1; elder=0'])
      for (const accept of [undefined, 'en', 'zh-CN,zh;q=0.9', 'fr, en;q=0.5'])
        headerPairs.push([[lang, elder].filter(Boolean).join('; ') || undefined, accept])

  it('keys every page by the language and mode the renderer reads from the same headers (quoted cookies too)', () => {
    const keys = new Map<string, string>()
    for (const [cookieHeader, acceptLanguage] of headerPairs) {
      const rendered = displayPrefs(cookieHeader, acceptLanguage)
      const key = pageCacheKey(request({ cookieHeader, acceptLanguage }))!
      const expected = `${rendered.language} ${rendered.elder ? 'elder' : 'standard'}`
      expect(key.startsWith(`${expected} `), `${cookieHeader} / ${acceptLanguage}`).toBe(true)
      keys.set(key, expected)
    }
    // The attack from the report: a quoted Chinese cookie with an English browser is Chinese for both.
    expect(displayPrefs('lang="zh-CN"', 'en').language).toBe('zh-CN')
    expect(displayPrefs('elder="1"', undefined).elder).toBe(true)
    expect(new Set(keys.values()).size).toBe(4)
  })

  it.each(['/courses/Resume', '/COURSES/resume', '/courses/resume/', '/courses/%72esume', '/courses/%52ESUME', '/courses//resume', '/courses/resume%2F', '/Cases/Submissions', '/cases/submissions%2Fabc', '/MY-BOOKINGS', '/Login', '/courses/%E0%A4%A'])('renders %s for each request, whatever its case or encoding', (path) => {
    expect(pageCacheKey(request({ url: `${path}?code=ABCDEFG` }))).toBeNull()
  })

  it('keeps pages 10 s by default; PORTAL_PAGE_CACHE_SECONDS changes it, 0 switches it off, nonsense keeps the default', () => {
    expect(pageCacheSeconds(undefined)).toBe(10)
    expect(pageCacheSeconds('0')).toBe(0)
    expect(pageCacheSeconds('30')).toBe(30)
    expect(pageCacheSeconds('soon')).toBe(10)
  })
})
