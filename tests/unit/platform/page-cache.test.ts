import { describe, expect, it } from 'vitest'
import { pageCacheKey, type PageRequest } from '../../../server/page-cache/policy'
import { pageCacheSeconds } from '../../../server/utils/config'

const request = (over: Partial<PageRequest> = {}): PageRequest =>
  ({ method: 'GET', host: 'portal.example.gov.cn', url: '/events', cookies: {}, acceptLanguage: 'zh-CN,zh;q=0.9', ...over })

describe('which pages are cached, and under which key', () => {
  it.each(['/', '/events', '/events?district=heping&page=2', '/events/heping-mobile-payment-for-seniors', '/venues', '/about', '/courses', '/courses?topic=mobile-payment', '/courses/pay-by-phone-safely', '/courses/pay-by-phone-safely/scan-to-pay/3', '/courses/pay-by-phone-safely/scan-to-pay/summary?q1=1', '/cases', '/cases?theme=industry', '/cases/2025-tianjin-1', '/cases/calls/week-case-call', '/cases/calls/last-year-case-call/book'])('caches the public page %s', (url) => {
    expect(pageCacheKey(request({ url }))).toContain(url)
  })

  it.each(['/tickets/abc.def', '/release/abc.def', '/my-bookings', '/login', '/organizer', '/organizer/events/1', '/admin/users', '/api/events', '/events/a/b', '/cases/submissions/0191-abc?code=ABCDEFGH', '/cases/submissions', '/cases/submissions/', '/cases/calls/week-case-call/submit', '/cases/calls'])('renders %s for each request', (url) => {
    expect(pageCacheKey(request({ url }))).toBeNull()
  })

  it('never caches for staff with a session, nor anything but GET and HEAD', () => {
    expect(pageCacheKey(request({ cookies: { 'nuxt-session': 'sealed' } }))).toBeNull()
    expect(pageCacheKey(request({ method: 'POST' }))).toBeNull()
    expect(pageCacheKey(request({ method: 'HEAD' }))).not.toBeNull()
  })

  it('keeps languages, display modes and hosts apart, and matches the language the page will be rendered in', () => {
    const keys = [
      request(),
      request({ acceptLanguage: 'en-GB,en;q=0.8' }),
      request({ cookies: { elder: '1' } }),
      request({ host: 'other.example' }),
    ].map(pageCacheKey)
    expect(new Set(keys).size).toBe(4)
    // The chosen language wins over the browser's, as when rendering.
    expect(pageCacheKey(request({ acceptLanguage: 'en', cookies: { lang: 'zh-CN' } }))).toBe(pageCacheKey(request()))
    expect(pageCacheKey(request({ cookies: { elder: '0' } }))).toBe(pageCacheKey(request()))
  })

  it('keeps pages 10 s by default; PORTAL_PAGE_CACHE_SECONDS changes it, 0 switches it off, nonsense keeps the default', () => {
    expect(pageCacheSeconds(undefined)).toBe(10)
    expect(pageCacheSeconds('0')).toBe(0)
    expect(pageCacheSeconds('30')).toBe(30)
    expect(pageCacheSeconds('soon')).toBe(10)
  })
})
