import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from '~~/tests/support/browser'
import { DEMO_PASSWORD } from '~~/tests/support/session'
import { hydrated } from '../helpers'

/**
 * The display preferences as a first-time visitor meets them: elder mode and
 * language are switched in the header, stored in cookies, and rendered by the
 * server on the next request (no flash of the wrong mode).
 */

const baseURL = inject('baseURL')
const url = (path: string) => new URL(path, baseURL).href

let browser: Browser
const opened: BrowserContext[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async () => {
  await Promise.all(opened.splice(0).map(c => c.close()))
})
afterAll(async () => {
  await browser?.close()
})

/** A first visit: no cookies, a Chinese browser. */
async function freshPage(viewport = { width: 1280, height: 900 }, init?: () => void): Promise<{ context: BrowserContext, page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', reducedMotion: 'no-preference' })
  opened.push(context)
  if (init) await context.addInitScript(init)
  return { context, page: await context.newPage() }
}

async function open(page: Page, path: string) {
  const res = await page.goto(url(path), { waitUntil: 'load' })
  expect(res?.status()).toBe(200)
  await hydrated(page)
  return res!
}

const cookie = async (context: BrowserContext, name: string) => (await context.cookies(baseURL)).find(c => c.name === name)?.value
const htmlTag = (html: string) => html.match(/<html\b[^>]*>/i)?.[0] ?? ''
const isElder = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('elder'))

/** The raw server-rendered HTML for a request carrying the browser's cookies. */
async function serverHTML(context: BrowserContext, path: string) {
  const cookies = (await context.cookies(baseURL)).map(c => `${c.name}=${c.value}`).join('; ')
  const res = await fetch(url(path), { headers: { cookie: cookies } })
  expect(res.status).toBe(200)
  return res.text()
}

describe('elder mode', () => {
  it.each([
    { width: 320, height: 640 },
    { width: 1280, height: 900 },
  ])('a first visit shows the elder switch in the header without scrolling at $width px', async (viewport) => {
    const { context, page } = await freshPage(viewport)
    await open(page, '/')
    expect(await cookie(context, 'elder')).toBeUndefined()
    expect(await isElder(page)).toBe(false)

    const elderSwitch = page.locator('header #elder-mode')
    expect(await elderSwitch.isVisible()).toBe(true)
    expect(await elderSwitch.getAttribute('role')).toBe('switch')
    expect(await elderSwitch.getAttribute('aria-checked')).toBe('false')
    const box = (await elderSwitch.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width)
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height)
    // Its visible label, too.
    const label = (await page.locator('label[for="elder-mode"]').boundingBox())!
    expect(label.y + label.height).toBeLessThanOrEqual(viewport.height)
    expect(label.x + label.width).toBeLessThanOrEqual(viewport.width)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
  })

  it('switching it on applies at once, sets the cookie, and the server renders elder mode after reload', async () => {
    const { context, page } = await freshPage()
    await open(page, '/')
    const bodyFont = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))
    expect(await bodyFont()).toBe(16)

    await page.locator('#elder-mode').click()
    // Immediately: the class is set within a frame or two, without a reload.
    await page.waitForFunction(() => document.documentElement.classList.contains('elder'), undefined, { timeout: 1000 })
    expect(await page.locator('#elder-mode').getAttribute('aria-checked')).toBe('true')
    expect(await bodyFont()).toBeGreaterThanOrEqual(20)
    await expect.poll(() => cookie(context, 'elder'), { timeout: 1000 }).toBe('1')

    // The server renders elder mode on the first byte: no flash of normal mode.
    expect(htmlTag(await serverHTML(context, '/'))).toMatch(/\bclass="elder"/)
    const reload = await page.reload({ waitUntil: 'load' })
    expect(htmlTag(await reload!.text())).toMatch(/\bclass="elder"/)
    await hydrated(page)
    expect(await isElder(page)).toBe(true)
    expect(await page.locator('#elder-mode').getAttribute('aria-checked')).toBe('true')
    // Other pages, too.
    expect(htmlTag(await serverHTML(context, '/venues'))).toMatch(/\bclass="elder"/)

    // And off again.
    await page.locator('#elder-mode').click()
    await page.waitForFunction(() => !document.documentElement.classList.contains('elder'), undefined, { timeout: 1000 })
    await expect.poll(() => cookie(context, 'elder'), { timeout: 1000 }).toBe('0')
    expect(htmlTag(await serverHTML(context, '/'))).not.toMatch(/\bclass="elder"/)
  })
})

describe('the staff area on a phone in elder mode', () => {
  it('shows the check-in page\'s heading on the first screen (no residents\' menu above it)', async () => {
    const viewport = { width: 360, height: 740 }
    const { context, page } = await freshPage(viewport)
    await context.addCookies([{ name: 'elder', value: '1', url: baseURL }])
    const login = await context.request.post(url('/api/auth/login'), { data: { email: 'organizer@demo.local', password: DEMO_PASSWORD }, headers: { origin: new URL(baseURL).origin } })
    expect(login.status()).toBe(200)
    const { items } = await (await context.request.get(url('/api/organizer/events'))).json() as { items: Array<{ id: string }> }
    await open(page, `/organizer/events/${items[0]!.id}/check-in`)
    expect(await isElder(page)).toBe(true)
    expect(await page.locator('nav.site-nav').count()).toBe(0)
    const heading = (await page.locator('main h1').boundingBox())!
    expect(heading.y + heading.height).toBeLessThanOrEqual(viewport.height)
  })
})

describe('language', () => {
  it('switching to English changes the text and <html lang>, and survives a reload', async () => {
    const { context, page } = await freshPage()
    await open(page, '/')
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    const nav = page.locator('nav.site-nav')
    expect(await nav.innerText()).toContain('首页')

    // One button names the other language, in that language.
    const switcher = page.locator('.prefs-lang__item')
    expect(await switcher.getAttribute('lang')).toBe('en')
    expect(await switcher.innerText()).toContain('English')
    await switcher.click()
    await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 2000 })
    await expect.poll(() => nav.innerText(), { timeout: 2000 }).toContain('Home')
    expect(await nav.innerText()).not.toContain('首页')
    expect(await page.locator('label[for="elder-mode"]').innerText()).toBe('Elder mode')
    expect(await switcher.getAttribute('lang')).toBe('zh-CN')
    expect(await switcher.innerText()).toContain('中文')
    await expect.poll(() => cookie(context, 'lang'), { timeout: 1000 }).toBe('en')

    const reload = await page.reload({ waitUntil: 'load' })
    expect(htmlTag(await reload!.text())).toMatch(/\blang="en"/)
    await hydrated(page)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await nav.innerText()).toContain('Home')
    expect(htmlTag(await serverHTML(context, '/about'))).toMatch(/\blang="en"/)
  })
})

describe('read aloud', () => {
  const button = (page: Page) => page.locator('.read-aloud')

  it('is offered on /about when the browser has speech synthesis', async () => {
    const { page } = await freshPage()
    await open(page, '/about')
    expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(true)
    // It hydrates when the browser is idle, a moment after the page.
    await expect.poll(() => button(page).count()).toBe(1)
    expect(await button(page).isVisible()).toBe(true)
    expect(await button(page).getAttribute('aria-pressed')).toBe('false')
  })

  it('is absent when the browser has no speech synthesis', async () => {
    const { page } = await freshPage(undefined, () => {
      delete (window as unknown as Record<string, unknown>).speechSynthesis
      delete (window as unknown as Record<string, unknown>).SpeechSynthesisUtterance
    })
    await open(page, '/about')
    expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false)
    // Give a late client-only render the chance to (wrongly) add it.
    await page.waitForTimeout(300)
    expect(await button(page).count()).toBe(0)
  })

  it('toggles aria-pressed while reading (only where the browser can actually speak)', async (ctx) => {
    const { page } = await freshPage()
    await open(page, '/about')
    // Headless Chromium usually has no voices: speak() then fails with "synthesis-failed"
    // and never starts, so there is nothing to observe. Probe before trying.
    const canSpeak = await page.evaluate(() => new Promise<boolean>((resolve) => {
      const u = new SpeechSynthesisUtterance(' ')
      u.volume = 0
      u.onstart = () => {
        speechSynthesis.cancel()
        resolve(true)
      }
      u.onerror = () => resolve(false)
      setTimeout(() => resolve(false), 2000)
      speechSynthesis.speak(u)
    }))
    if (!canSpeak) ctx.skip('this Chromium cannot synthesise speech (no voices)')

    await button(page).click()
    await expect.poll(() => button(page).getAttribute('aria-pressed'), { timeout: 3000 }).toBe('true')
    await button(page).click()
    await expect.poll(() => button(page).getAttribute('aria-pressed'), { timeout: 3000 }).toBe('false')
  })
})
