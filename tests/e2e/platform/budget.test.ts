import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Language } from '#shared/i18n/languages'
import { dictionaries } from '#shared/i18n/dictionaries'
import type { Namespace } from '#shared/i18n/namespaces'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { root } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'
import { hydrated } from '../helpers'

/**
 * What residents' browsers download. The home page's JavaScript (entry and
 * modulepreloads) stays within a gzip budget, and no resident page's JavaScript
 * carries staff strings or the other language's dictionaries: those are lazy
 * chunks, fetched only for the page's namespaces in the page's language.
 */

const baseURL = inject('baseURL')
const publicDir = join(root, '.output/public')

/**
 * KiB, gzip level 9, each file on its own, as a browser fetches them.
 * The issue's goal is 100 KiB. Today's home page is 98.4 KiB (127 before the dictionaries
 * left the entry, 111 before the header switches dropped reka-ui and Vue's Options API
 * was compiled out, 105 before Pinia went and read-aloud hydrated when idle): Vue and the
 * router are ~55, i18next ~15, Nuxt and unhead most of the rest. The budget fails on any
 * growth; lower it as those shrink. 100 → 101 when the helpers' and feedback pages came (issue 25, 26):
 * the route table with every page's meta is in the entry, and it grew by nine pages (issue 29 is to win it back).
 */
const BUDGET_KIB = 101

const text = (lang: Language, ns: Namespace, key: string): string => {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], dictionaries[lang][ns])
  if (typeof value !== 'string') throw new Error(`no string ${lang}/${ns}: ${key}`)
  return value
}
const both = (ns: Namespace, keys: string[]) => (['zh-CN', 'en'] as const).flatMap(lang => keys.map(key => text(lang, ns, key)))

/** Distinctive staff strings, in both languages: none may reach a resident's browser. */
const staffStrings = [
  ...both('events-organizer', ['organizerEvents.list.duplicate', 'organizerEvents.walkIn.submit', 'organizerEvents.attendees.csvFullTitle', 'organizerEvents.checkIn.scanTitle']),
  ...both('accounts', ['admin.users.pending', 'password.mustChange', 'audit.lead', 'login.lead']),
  ...both('cases-organizer', ['casesOrganizer.review.confirm', 'casesOrganizer.assign.hint', 'casesOrganizer.conflicts.lead']),
]
/** Distinctive strings of each language's dictionaries (common and the residents' pages). */
const languageStrings = (lang: Language) => [
  text(lang, 'common', 'app.skipToContent'),
  text(lang, 'common', 'prefs.elderHint'),
  text(lang, 'common', 'errors.notFoundBody'),
  text(lang, 'events', 'events.keywordHint'),
  text(lang, 'venues', 'venues.filtersLabel'),
]
const otherLanguage = (lang: Language): Language => (lang === 'en' ? 'zh-CN' : 'en')

/** The JavaScript an HTML page asks for: module scripts, modulepreloads and prefetches. */
function scriptsOf(html: string): string[] {
  const urls = [
    ...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="prefetch"[^>]*\bhref="([^"]+\.js)"/g),
  ].map(m => new URL(m[1]!, baseURL).pathname)
  return [...new Set(urls)]
}
const entryAndPreloads = (html: string) => [
  ...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
  ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
].map(m => new URL(m[1]!, baseURL).pathname).filter((p, i, all) => p.endsWith('.js') && all.indexOf(p) === i)
const built = (pathname: string) => readFileSync(join(publicDir, pathname))

async function htmlOf(path: string, lang: Language) {
  const res = await fetch(new URL(path, baseURL), { headers: { cookie: `lang=${lang}` } })
  expect(res.status, path).toBe(200)
  return res.text()
}

/** Strings found in a body, with where. */
function found(strings: string[], bodies: Map<string, string>): string[] {
  return strings.flatMap(s => [...bodies].filter(([, body]) => body.includes(s)).map(([url]) => `"${s.slice(0, 40)}" in ${url}`))
}

let browser: Browser
let ticket = ''
beforeAll(async () => {
  browser = await launchBrowser()
  const open = (await (await fetch(`${baseURL}/api/events?pageSize=50`)).json()).items.find((e: { availability: string }) => e.availability === 'open')
  const booking = await new ApiClient(baseURL).post(`/api/events/${open.slug}/registrations`, { name: '预算', phone: '13966661111', partySize: 1, consent: true })
  ticket = booking.json.ticketToken
  expect(ticket).toBeTruthy()
})
afterAll(async () => {
  await browser?.close()
})

const residentPages = ['/', '/events', '/events/heping-mobile-payment-for-seniors', '/venues', '/about', '/my-bookings', '/tickets/:ticket', '/courses', '/courses/pay-by-phone-safely/verification-codes/1', '/statistics']

describe('JavaScript budget', () => {
  it(`the home page's entry and modulepreloads are at most ${BUDGET_KIB} KiB gzipped`, async () => {
    const files = entryAndPreloads(await htmlOf('/', 'zh-CN'))
    expect(files.length).toBeGreaterThan(0)
    let raw = 0
    let gzipped = 0
    for (const file of files) {
      const body = built(file)
      raw += body.length
      gzipped += gzipSync(body, { level: 9 }).length
    }
    const kib = (n: number) => (n / 1024).toFixed(1)
    console.info(`home page JavaScript: ${files.length} files, ${kib(raw)} KiB, ${kib(gzipped)} KiB gzipped (budget ${BUDGET_KIB} KiB)`)
    expect(gzipped / 1024).toBeLessThanOrEqual(BUDGET_KIB)
  })

  it('the strings searched for are in the built dictionaries (control)', () => {
    const chunks = new Map(readdirSync(join(publicDir, '_nuxt')).filter(f => f.endsWith('.js')).map(f => [f, built(`/_nuxt/${f}`).toString('utf8')]))
    for (const s of [...staffStrings, ...languageStrings('zh-CN'), ...languageStrings('en')]) {
      expect([...chunks.values()].some(body => body.includes(s)), `"${s}" in some chunk of .output/public/_nuxt`).toBe(true)
    }
    // And the staff strings are in no resident namespace (so finding one means a staff dictionary was loaded).
    const resident = (['common', 'home', 'venues', 'about', 'events'] as const).flatMap(ns => (['zh-CN', 'en'] as const).map(lang => JSON.stringify(dictionaries[lang][ns])))
    expect(staffStrings.filter(s => resident.some(d => d.includes(s)))).toEqual([])
  })
})

describe('code is fetched when it is needed (modules/no-prefetch.ts)', () => {
  const pagesWithLazyCode = ['/', '/events', '/events/heping-mobile-payment-for-seniors', '/courses', '/quiz', '/contests', '/cases', '/statistics', '/my-data']

  it.each(pagesWithLazyCode)('%s hints no script it might need later', async (path) => {
    const html = await htmlOf(path, 'zh-CN')
    expect([...html.matchAll(/<link\b[^>]*\brel="prefetch"[^>]*>/g)].map(m => m[0])).toEqual([])
  })

  it('the number check downloads its form checks (zod) when someone starts typing, not before', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
    try {
      const page = await context.newPage()
      const scripts: Promise<string>[] = []
      page.on('response', (res) => {
        if (new URL(res.url()).pathname.endsWith('.js')) scripts.push(res.body().then(b => b.toString('utf8'), () => ''))
      })
      const zodFetched = async () => (await Promise.all(scripts)).some(body => body.includes('_zod'))
      await page.goto(new URL('/my-data', baseURL).href, { waitUntil: 'networkidle' })
      await hydrated(page)
      expect(scripts.length).toBeGreaterThan(0)
      expect(await zodFetched()).toBe(false)
      await page.focus('#verify-phone')
      await expect.poll(zodFetched, { timeout: 5000 }).toBe(true)
    }
    finally {
      await context.close()
    }
  })
})

describe('what a resident\'s browser downloads', () => {
  const cases = residentPages.flatMap(path => (['zh-CN', 'en'] as const).map(lang => ({ path, lang })))

  it.each(cases)('$path in $lang: no staff strings, no other language', async ({ path: template, lang }) => {
    const path = template.replace(':ticket', ticket)
    const unwanted = [...staffStrings, ...languageStrings(otherLanguage(lang))]

    // What the HTML asks for.
    const html = await htmlOf(path, lang)
    const declared = new Map(scriptsOf(html).map(p => [p, built(p).toString('utf8')]))
    expect(declared.size).toBeGreaterThan(0)
    expect(found(unwanted, declared), 'in the scripts the HTML names').toEqual([])

    // What the browser actually fetches, hydration and idle prefetches included.
    const context = await contextFor(browser, baseURL, { lang, elder: false })
    try {
      const page = await context.newPage()
      const fetched = new Map<string, Promise<string>>()
      page.on('response', (res) => {
        if (/\.m?js(\?|$)/.test(new URL(res.url()).pathname) || (res.headers()['content-type'] ?? '').includes('javascript')) {
          fetched.set(res.url(), res.body().then(b => b.toString('utf8'), () => ''))
        }
      })
      await page.goto(new URL(path, baseURL).href, { waitUntil: 'networkidle' })
      await hydrated(page)
      const bodies = new Map(await Promise.all([...fetched].map(async ([url, body]) => [url, await body] as const)))
      expect(bodies.size, 'JavaScript responses').toBeGreaterThan(0)
      expect(found(unwanted, bodies), 'in the JavaScript the browser fetched').toEqual([])
      // The page's own language is there (in the HTML payload, not fetched as JavaScript).
      expect(await page.locator('.skip-link').first().textContent()).toContain(text(lang, 'common', 'app.skipToContent'))
    }
    finally {
      await context.close()
    }
  })
})

describe('statistics charts are drawn on the server', () => {
  // The SVG arrives as markup (server/statistics/charts/); a class only the renderer writes marks its code.
  const marker = 'statistics-chart__suppressed'
  const scripts = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter(f => f.isFile() && /\.m?js$/.test(f.name)).map(f => readFileSync(join(f.parentPath, f.name), 'utf8'))

  it('no client file carries the chart renderer; the server bundle does (control)', () => {
    expect(scripts(join(root, '.output/server')).some(body => body.includes(marker))).toBe(true)
    expect(scripts(publicDir).filter(body => body.includes(marker))).toEqual([])
  })

  it('/statistics draws its charts without them: the SVG is in the HTML, not in any script it names', async () => {
    const html = await htmlOf('/statistics', 'zh-CN')
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="statistics-chart"')
    expect(scriptsOf(html).filter(p => built(p).toString('utf8').includes(marker))).toEqual([])
  })
})

describe('courses content stays on the server', () => {
  // @nuxt/content can query in the browser with SQLite compiled to WASM; the portal reads content
  // only in server routes, so no client file may be (or load) it.
  const wasmLoader = /sqlite3InitModule|sqlite3\.wasm/
  const clientFiles = () => readdirSync(publicDir, { recursive: true, encoding: 'utf8' })

  it('no client file is SQLite WASM or its loader', () => {
    const files = clientFiles()
    expect(files.filter(f => f.endsWith('.wasm'))).toEqual([])
    expect(files.filter(f => /\.m?js$/.test(f) && wasmLoader.test(readFileSync(join(publicDir, f), 'utf8')))).toEqual([])
  })

  it('the marker is the loader\'s (control)', () => {
    expect(wasmLoader.test(readFileSync(join(root, 'node_modules/@sqlite.org/sqlite-wasm/dist/index.mjs'), 'utf8'))).toBe(true)
  })
})

describe('dictionaries loaded on demand', () => {
  async function watch(page: Page) {
    const js: string[] = []
    const missing: string[] = []
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.endsWith('.js')) js.push(res.url())
    })
    page.on('console', (msg) => {
      if (msg.text().includes('[i18n] missing key')) missing.push(msg.text())
    })
    return { js, missing }
  }
  const chunkOf = (lang: Language, ns: Namespace) => {
    const body = (f: string) => built(`/_nuxt/${f}`).toString('utf8')
    const marker = ns === 'events' ? text(lang, 'events', 'events.keywordHint') : text(lang, ns, 'app.skipToContent')
    return readdirSync(join(publicDir, '_nuxt')).find(f => f.endsWith('.js') && body(f).includes(marker) && body(f).length < 30_000)!
  }

  it('a key with no translation is logged in the browser (control for the missing-key checks)', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'en', elder: false })
    try {
      const page = await context.newPage()
      const seen = await watch(page)
      await page.goto(new URL('/', baseURL).href, { waitUntil: 'load' })
      await hydrated(page)
      const shown = await page.evaluate(() => {
        const app = (document.getElementById('__nuxt') as unknown as { __vue_app__: { config: { globalProperties: { $t: (key: string) => string } } } }).__vue_app__
        return app.config.globalProperties.$t('control.noSuchKey')
      })
      expect(shown).toBe('control.noSuchKey')
      await expect.poll(() => seen.missing).toEqual([expect.stringContaining('control.noSuchKey')])
    }
    finally {
      await context.close()
    }
  })

  it('a client-side navigation loads the next page\'s namespace before it renders', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
    try {
      const page = await context.newPage()
      const seen = await watch(page)
      await page.goto(new URL('/venues', baseURL).href, { waitUntil: 'networkidle' })
      await hydrated(page)
      expect(seen.js.some(u => u.endsWith(chunkOf('zh-CN', 'events'))), 'events dictionary not fetched on /venues').toBe(false)
      await page.locator('nav.site-nav a[href="/events"]').click()
      await page.waitForURL(/\/events$/)
      await expect.poll(() => page.locator('main h1').textContent()).toBe(text('zh-CN', 'events', 'events.title'))
      expect(seen.js.some(u => u.endsWith(chunkOf('zh-CN', 'events'))), 'events dictionary fetched').toBe(true)
      expect(await page.locator('main').innerText()).not.toMatch(/\b(events|booking|availability)\.[a-zA-Z]+/)
      expect(seen.missing).toEqual([])
    }
    finally {
      await context.close()
    }
  })

  it('switching language fetches the other language first: no raw keys, then all English', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
    try {
      const page = await context.newPage()
      const seen = await watch(page)
      await page.goto(new URL('/events', baseURL).href, { waitUntil: 'networkidle' })
      await hydrated(page)
      expect(seen.js.some(u => u.endsWith(chunkOf('en', 'common'))), 'no English before switching').toBe(false)
      // Record every text the page shows while it switches.
      await page.evaluate(() => {
        const texts: string[] = []
        ;(window as unknown as { seenTexts: string[] }).seenTexts = texts
        new MutationObserver(() => texts.push(document.querySelector('main')?.textContent ?? '')).observe(document.body, { subtree: true, childList: true, characterData: true })
      })
      await page.locator('.prefs-lang__item', { hasText: 'English' }).click()
      await expect.poll(() => page.locator('main h1').textContent()).toBe(text('en', 'events', 'events.title'))
      expect(seen.js.some(u => u.endsWith(chunkOf('en', 'common')))).toBe(true)
      expect(seen.js.some(u => u.endsWith(chunkOf('en', 'events')))).toBe(true)
      const texts = await page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts)
      expect(texts.filter(t => /\b(events|booking|availability|categories|audiences)\.[a-zA-Z]+/.test(t))).toEqual([])
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      expect(await page.locator('body').innerText()).toContain(text('en', 'common', 'prefs.elder'))
      // The cards and the footer are never hydrated: they are made anew in the new language.
      const han = /[\u4E00-\u9FFF]/
      await expect.poll(() => page.locator('.event-list > li').first().innerText()).not.toMatch(han)
      await expect.poll(() => page.locator('footer').innerText()).toContain(text('en', 'common', 'footer.staff'))
      expect(seen.missing).toEqual([])
    }
    finally {
      await context.close()
    }
  })
})
