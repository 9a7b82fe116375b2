// test-clock: the sitemap writes the dates it is given; nothing reads the clock.
import { describe, expect, it } from 'vitest'
import { localizedUrl, robotsTxt, sitemapXml } from '~~/server/utils/seo'
import { pageAddress, shorten } from '~~/app/utils/page-seo-tags'
import { displayPrefs, urlLanguage } from '#shared/i18n/languages'

/** RFC 9309 matching with * and $, longest rule wins, Allow on a tie. */
function allowed(robots: string, path: string): boolean {
  const rules = robots.split('\n').map(l => /^(Allow|Disallow):\s*(\S+)/.exec(l)).filter(m => !!m).map(m => ({ allow: m[1] === 'Allow', pattern: m[2]! }))
  const matching = rules.filter(r => new RegExp(`^${r.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}`).test(path))
  if (!matching.length) return true
  matching.sort((a, b) => b.pattern.length - a.pattern.length || Number(b.allow) - Number(a.allow))
  return matching[0]!.allow
}

describe('robots.txt', () => {
  const robots = robotsTxt('https://portal.example.gov.cn')
  it('keeps staff pages, residents\' own pages and the API out, and names the sitemap', () => {
    for (const path of ['/organizer', '/organizer/events', '/admin/users', '/login', '/tickets/abc', '/release/abc', '/my-bookings', '/my-data', '/cases/submissions/1', '/cases/calls/x/submit', '/contests/x/play/1', '/quiz/x/play', '/quiz/x/result/1', '/courses/resume', '/courses/x/certificate', '/api/events', '/api/auth/me', '/api/statistics'])
      expect(allowed(robots, path), path).toBe(false)
    for (const path of ['/', '/events', '/events/x', '/courses/x', '/courses/x/l/1', '/quiz/x', '/cases/x', '/about', '/share.png', '/api/events/x/share.png', '/api/courses/x/share.png', '/api/events/feed.ics'])
      expect(allowed(robots, path), path).toBe(true)
    expect(robots).toContain('Sitemap: https://portal.example.gov.cn/sitemap.xml')
  })
})

describe('the sitemap', () => {
  it('lists every page in both languages, each naming the other', () => {
    const xml = sitemapXml('https://portal.example.gov.cn', [{ path: '/' }, { path: '/events/a&b', lastmod: '2026-01-01T00:00:00.000Z' }])
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(m => m[1])
    expect(locs).toEqual(['https://portal.example.gov.cn/', 'https://portal.example.gov.cn/?lang=en', 'https://portal.example.gov.cn/events/a&amp;b', 'https://portal.example.gov.cn/events/a&amp;b?lang=en'])
    expect([...xml.matchAll(/hreflang="en" href="https:\/\/portal\.example\.gov\.cn\/\?lang=en"/g)]).toHaveLength(2)
    expect(xml).toContain('<lastmod>2026-01-01T00:00:00.000Z</lastmod>')
    expect(localizedUrl('https://x', '/events?district=heping', 'en')).toBe('https://x/events?district=heping&lang=en')
  })
})

describe('a page\'s address in a language', () => {
  it('is the path and its filters, sorted, with lang=en for English, as the sitemap writes it', () => {
    expect(pageAddress('https://x', '/events', { district: 'heping', category: 'daily-life', lang: 'en', page: '2' }, 'zh-CN')).toBe('https://x/events?category=daily-life&district=heping')
    expect(pageAddress('https://x', '/events', {}, 'en')).toBe(localizedUrl('https://x', '/events', 'en'))
    expect(pageAddress('https://x', '/', { audience: ['a', 'b'] }, 'en')).toBe('https://x/?audience=a&audience=b&lang=en')
  })

  it('is read back: ?lang= picks the language over the cookie and Accept-Language', () => {
    expect(urlLanguage('/events?lang=en')).toBe('en')
    expect(urlLanguage('/events?lang=fr')).toBeUndefined()
    expect(displayPrefs('lang=zh-CN', 'zh-CN', '/events?lang=en').language).toBe('en')
    expect(displayPrefs('lang=en', null, '/events?lang=zh-CN').language).toBe('zh-CN')
    expect(displayPrefs('lang=en', null, '/events').language).toBe('en')
  })

  it('cuts a long description to one line of 160 characters', () => {
    expect(shorten('a\n b')).toBe('a b')
    expect(shorten('长'.repeat(200))).toHaveLength(160)
  })
})
