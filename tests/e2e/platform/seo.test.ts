import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { hydrated } from '../helpers'
import { ApiClient } from '~~/tests/support/session'
import { expandJsonLd, prop, typeOf, type Expanded } from '~~/tests/support/json-ld'

const baseURL = inject('baseURL')
const api = new ApiClient(baseURL)
const window = new Window()
afterAll(() => window.happyDOM.close())

/** A page as a chat app or a crawler reads it: the server's HTML, no script run. */
async function head(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseURL}${path}`, { headers })
  expect(res.status, path).toBe(200)
  const doc = new window.DOMParser().parseFromString(await res.text(), 'text/html')
  const meta = (key: string) => doc.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content') ?? undefined
  const link = (selector: string) => doc.querySelector(`link${selector}`)?.getAttribute('href') ?? undefined
  const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')].map(s => JSON.parse(s.textContent!))
  return { doc, meta, link, jsonLd, lang: doc.documentElement.getAttribute('lang'), title: doc.title }
}

const paths: string[] = []
let eventSlug = ''
let courseSlug = ''

beforeAll(async () => {
  eventSlug = (await api.get('/api/events?pageSize=1')).json.items[0].slug
  courseSlug = (await api.get('/api/courses')).json.items[0].slug
  const caseSlug = (await api.get('/api/cases?pageSize=1')).json.items[0].slug
  paths.push('/', '/events', '/events?district=heping', `/events/${eventSlug}`, `/events/${eventSlug}/poster`, '/events/poster?district=heping', '/venues', '/about',
    '/courses', `/courses/${courseSlug}`, `/courses/${courseSlug}/poster`, '/quiz', '/quiz/elder-anti-fraud', '/contests', '/contests/week-knowledge-contest',
    '/cases', `/cases/${caseSlug}`, '/cases/calls/week-case-call', '/cases/calls/last-year-case-call/book', '/statistics')
})

const HAN = /\p{Script=Han}/u

describe('pages search engines and chat apps can read', () => {
  it('every public page has a title, a description, Open Graph with a picture, and an absolute canonical link', async () => {
    for (const path of paths) {
      const page = await head(path)
      expect(page.title, path).toBeTruthy()
      const description = page.meta('description')
      expect(description, `${path} description`).toBeTruthy()
      expect(description!.length, path).toBeLessThanOrEqual(160)
      expect(page.meta('og:title'), path).toBeTruthy()
      expect(page.meta('og:description'), path).toBe(description)
      expect(page.meta('og:image'), path).toMatch(/^https?:\/\/[^/]+\/.+\.png(\?.*)?$/)
      const canonical = page.link('[rel="canonical"]')
      expect(canonical, path).toMatch(/^https?:\/\//)
      expect(new URL(canonical!).pathname).toBe(path.split('?')[0])
      expect(page.meta('og:url'), path).toBe(canonical)
      expect(page.link('[rel="alternate"][hreflang="en"]'), path).toMatch(/[?&]lang=en$/)
      expect(page.lang).toBe('zh-CN')
    }
  })

  it('gives English pages at ?lang=en, described in English, with their canonical link', async () => {
    const zh = await head('/events')
    const en = await head('/events?lang=en')
    expect(en.lang).toBe('en')
    expect(en.meta('description')).not.toMatch(HAN)
    expect(zh.meta('description')).toMatch(HAN)
    expect(en.link('[rel="canonical"]')).toBe(zh.link('[rel="alternate"][hreflang="en"]'))
    expect(en.meta('og:locale')).toBe('en_GB')
    // A cookie asks for English too; the canonical link says which address that is.
    const byCookie = await head('/events', { cookie: 'lang=en' })
    expect(byCookie.link('[rel="canonical"]')).toBe(en.link('[rel="canonical"]'))
  })

  it('shows the event\'s own share picture, which is a PNG, and the city\'s where a page has none', async () => {
    const event = await head(`/events/${eventSlug}`)
    const picture = event.meta('og:image')!
    expect(picture).toMatch(new RegExp(`/api/events/${eventSlug}/share\\.png$`))
    const png = await fetch(`${baseURL}${new URL(picture).pathname}`)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await png.arrayBuffer()).slice(1, 4)).toEqual(new Uint8Array([0x50, 0x4E, 0x47]))
    expect((await head(`/courses/${courseSlug}`)).meta('og:image')).toMatch(new RegExp(`/api/courses/${courseSlug}/share\\.png$`))
    const about = (await head('/about')).meta('og:image')!
    expect(new URL(about).pathname).toBe('/share.png')
    const city = await fetch(`${baseURL}/share.png`)
    expect(city.status).toBe(200)
    expect(city.headers.get('content-type')).toBe('image/png')
  })

  it('describes an event as a schema.org Event and a course as a Course (JSON-LD, expanded offline)', async () => {
    const event = await head(`/events/${eventSlug}`)
    expect(event.jsonLd).toHaveLength(1)
    const [node] = await expandJsonLd(event.jsonLd[0])
    expect(typeOf(node!)).toEqual(['Event'])
    for (const p of ['name', 'startDate', 'endDate', 'location', 'offers', 'eventStatus', 'eventAttendanceMode', 'organizer', 'image']) expect(prop(node!, p), p).toBeDefined()
    expect(prop(prop(node!, 'offers') as Expanded, 'price')).toBe(0)
    expect(String(prop(node!, 'eventStatus'))).toMatch(/^https:\/\/schema\.org\/Event(Scheduled|Cancelled)$/)
    expect(prop(node!, 'url')).toBe(event.link('[rel="canonical"]'))

    const course = await head(`/courses/${courseSlug}`)
    const [c] = await expandJsonLd(course.jsonLd[0])
    expect(typeOf(c!)).toEqual(['Course'])
    for (const p of ['name', 'description', 'provider']) expect(prop(c!, p), p).toBeDefined()
    // Nothing in the data can end the script element early.
    expect((await fetch(`${baseURL}/events/${eventSlug}`).then(r => r.text())).match(/<script[^>]*type="application\/ld\+json"[^>]*>[^<]*<\/script>/)).not.toBeNull()
  })
})

describe('the tags in the browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  it('follow a move within the page: one canonical link, the new page\'s description and JSON-LD', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
    const page = await context.newPage()
    await page.goto(`${baseURL}/events/${eventSlug}`, { waitUntil: 'networkidle' })
    const tags = () => page.evaluate(() => ({
      canonical: [...document.querySelectorAll('link[rel="canonical"]')].map(l => l.getAttribute('href')),
      ogUrl: [...document.querySelectorAll('meta[property="og:url"]')].map(m => m.getAttribute('content')),
      description: [...document.querySelectorAll('meta[name="description"]')].map(m => m.getAttribute('content')),
      jsonLd: document.querySelectorAll('script[type="application/ld+json"]').length,
    }))
    const first = await tags()
    expect(first.canonical).toEqual([`${baseURL}/events/${eventSlug}`])
    expect(first.jsonLd).toBe(1)
    // A move by the router, as a hydrated link makes it.
    await page.evaluate(() => (document.querySelector('#__nuxt') as unknown as { __vue_app__: { config: { globalProperties: { $router: { push: (to: string) => Promise<void> } } } } }).__vue_app__.config.globalProperties.$router.push('/about'))
    await page.waitForFunction(() => document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.endsWith('/about'))
    const moved = await tags()
    expect(moved.canonical).toEqual([`${baseURL}/about`])
    expect(moved.ogUrl).toEqual([`${baseURL}/about`])
    expect(moved.description).toHaveLength(1)
    expect(moved.description[0]).not.toBe(first.description[0])
    expect(moved.jsonLd).toBe(0)
    await context.close()
  })

  it('lets a resident who came by ?lang=en switch to Chinese, and the choice survives a reload', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
    const page = await context.newPage()
    await page.goto(`${baseURL}/events?district=heping&lang=en`, { waitUntil: 'load' })
    await hydrated(page)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await page.locator('.prefs-lang__item', { hasText: '中文' }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && !location.search.includes('lang='))
    expect(new URL(page.url()).searchParams.get('district')).toBe('heping')
    await page.reload({ waitUntil: 'load' })
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    await context.close()
  })
})

describe('robots.txt and the sitemap', () => {
  it('keeps staff, residents\' own pages and the API out, and lists the public pages in both languages', async () => {
    const robots = await fetch(`${baseURL}/robots.txt`)
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await robots.text()
    for (const line of ['Disallow: /organizer', 'Disallow: /admin', 'Disallow: /api/', 'Disallow: /tickets/', 'Disallow: /my-data']) expect(text).toContain(line)
    const sitemapUrl = /^Sitemap: (\S+)$/m.exec(text)![1]!
    const sitemap = await fetch(`${baseURL}${new URL(sitemapUrl).pathname}`)
    expect(sitemap.headers.get('content-type')).toMatch(/^application\/xml/)
    const doc = new window.DOMParser().parseFromString(await sitemap.text(), 'application/xml')
    const locs = [...doc.querySelectorAll('url > loc')].map(l => l.textContent!)
    const paths = locs.map(l => `${new URL(l).pathname}${new URL(l).search}`)
    expect(paths).toEqual(expect.arrayContaining(['/', '/?lang=en', '/events', '/events?lang=en', `/events/${eventSlug}`, `/events/${eventSlug}?lang=en`, `/courses/${courseSlug}?lang=en`]))
    expect(paths.some(p => /^\/(organizer|admin|api|tickets|my-)/.test(p))).toBe(false)
    // A sample of them answers, in the language they name.
    for (const p of [`/events/${eventSlug}?lang=en`, '/cases?lang=en', `/courses/${courseSlug}`]) {
      const page = await head(p)
      expect(page.lang).toBe(p.includes('lang=en') ? 'en' : 'zh-CN')
    }
  })
})

describe('the /about page', () => {
  it('names its landmarks uniquely', async () => {
    const page = await head('/about')
    const names = [...page.doc.querySelectorAll('section[aria-labelledby], nav[aria-labelledby], aside[aria-labelledby]')]
      .map(s => page.doc.getElementById(s.getAttribute('aria-labelledby')!)?.textContent?.trim())
    expect(names.filter(n => n === '组织单位')).toHaveLength(1)
    expect(new Set(names).size).toBe(names.length)
  })
})
