import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from '~~/tests/support/browser'
import { ApiClient, DEMO_PASSWORD } from '~~/tests/support/session'
import { hydrated } from '../helpers'

const baseURL = inject('baseURL')
const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, baseURL), { headers })
const nonceIn = (html: string) => [...new Set([...html.matchAll(/nonce="([^"]+)"/g)].map(m => m[1]))]
const withoutNonces = (html: string) => html.replace(/nonce="[^"]+"/g, '')

describe('public pages are rendered once and served again', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('serves the same page again with a fresh nonce that matches its Content-Security-Policy', async () => {
    const path = `/about?visit=${Date.now()}`
    const first = await get(path)
    const second = await get(path)
    expect(first.headers.get('x-page-cache')).toBe('miss')
    expect(second.headers.get('x-page-cache')).toBe('hit')
    const [a, b] = [await first.text(), await second.text()]
    expect(withoutNonces(b)).toBe(withoutNonces(a))
    const [nonceA, nonceB] = [nonceIn(a), nonceIn(b)]
    expect(nonceA).toHaveLength(1)
    expect(nonceB).toHaveLength(1)
    expect(nonceB[0]).not.toBe(nonceA[0])
    expect(second.headers.get('content-security-policy')).toContain(`'nonce-${nonceB[0]}'`)
    expect(second.headers.get('x-frame-options')).toBe(first.headers.get('x-frame-options'))
    expect(second.headers.get('content-type')).toMatch(/text\/html/)
  })

  it('renders an expired page once when many ask for it at the same moment; the others wait for that render', async () => {
    const stamp = Date.now()
    const burst = await Promise.all(Array.from({ length: 12 }, () => get(`/events?burst=${stamp}`)))
    const states = burst.map(r => r.headers.get('x-page-cache'))
    expect(states.filter(s => s === 'miss')).toHaveLength(1)
    expect(states.filter(s => s === 'hit')).toHaveLength(11)
    const bodies = await Promise.all(burst.map(r => r.text()))
    expect(new Set(bodies.map(nonceIn).flat()).size).toBe(12)
    // Control: twelve different pages at the same moment are each rendered, so the count above can tell the two apart.
    const apart = await Promise.all(Array.from({ length: 12 }, (_, i) => get(`/events?apart=${stamp}-${i}`)))
    expect(apart.every(r => r.headers.get('x-page-cache') === 'miss')).toBe(true)
    await Promise.all(apart.map(r => r.arrayBuffer()))
  })

  it('keeps each language and display mode apart', async () => {
    const path = `/about?modes=${Date.now()}`
    await get(path)
    const english = await get(path, { 'accept-language': 'en' })
    const elder = await get(path, { cookie: 'elder=1' })
    expect(english.headers.get('x-page-cache')).toBe('miss')
    expect(elder.headers.get('x-page-cache')).toBe('miss')
    expect(await english.text()).toMatch(/<html[^>]*lang="en"/)
    expect(await elder.text()).toMatch(/elder/)
    expect((await get(path, { 'accept-language': 'en' })).headers.get('x-page-cache')).toBe('hit')
  })

  it('gives the next visitor the language and mode asked for, whatever cookies the previous one sent', async () => {
    // Each visitor as a browser sends its preferences, and what the page must be for them.
    const visitors: Array<{ headers: Record<string, string>, lang: string, elder: boolean }> = [
      { headers: {}, lang: 'zh-CN', elder: false },
      { headers: { 'accept-language': 'en' }, lang: 'en', elder: false },
      { headers: { cookie: 'elder=1' }, lang: 'zh-CN', elder: true },
      { headers: { 'cookie': 'lang=en; elder=1', 'accept-language': 'zh-CN' }, lang: 'en', elder: true },
    ]
    // What went through before: quoted, encoded, repeated and odd values (the first is the reported attack).
    const earlier: Array<Record<string, string>> = [
      { 'cookie': 'lang="zh-CN"', 'accept-language': 'en' },
      { cookie: 'lang="en"' },
      { cookie: 'elder="1"' },
      { 'cookie': 'lang="en"; elder="1"', 'accept-language': 'zh-CN' },
      { cookie: 'lang=%22en%22; elder=%221%22' },
      { 'cookie': 'lang=EN; elder=1; elder=0', 'accept-language': 'zh' },
      { 'cookie': 'lang=fr', 'accept-language': 'en' },
      ...visitors.map(v => v.headers),
    ]
    const shape = (html: string) => {
      const tag = /<html[^>]*>/.exec(html)![0]
      return { lang: /lang="([^"]+)"/.exec(tag)?.[1], elder: /class="[^"]*\belder\b/.test(tag) }
    }
    for (const [i, headers] of earlier.entries()) {
      const path = `/about?earlier=${Date.now()}-${i}`
      await (await get(path, headers)).text()
      for (const visitor of visitors) {
        const res = await get(path, visitor.headers)
        expect(shape(await res.text()), `${JSON.stringify(headers)} then ${JSON.stringify(visitor.headers)}`).toEqual({ lang: visitor.lang, elder: visitor.elder })
      }
    }
  })

  it('never keeps a resume page, however its path is written', async () => {
    for (const path of ['/courses/Resume', '/COURSES/RESUME/', '/courses/%72esume', '/courses//resume']) {
      const url = `${path}?code=ACE4FGH&n=${Date.now()}`
      await get(url)
      expect((await get(url)).headers.get('x-page-cache'), path).toBeNull()
    }
  })

  it('renders for each request what is personal or for staff', async () => {
    const staff = new ApiClient(baseURL)
    await staff.login('organizer@demo.local', DEMO_PASSWORD)
    const signedIn = await staff.request('GET', '/events')
    expect(signedIn.headers.get('x-page-cache')).toBeNull()
    for (const path of ['/my-bookings', '/login']) {
      await get(path)
      expect((await get(path)).headers.get('x-page-cache'), path).toBeNull()
    }
  })

  it('a page served from the cache still runs its scripts in the browser (nonce accepted)', async () => {
    const path = `/about?browser=${Date.now()}`
    await get(path)
    const context = await browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })
    const response = await page.goto(new URL(path, baseURL).href, { waitUntil: 'load' })
    expect(response?.headers()['x-page-cache']).toBe('hit')
    await hydrated(page)
    expect(violations).toEqual([])
    await context.close()
  })
})
