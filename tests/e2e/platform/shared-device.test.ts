import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { ApiClient, DEMO_PASSWORD } from '~~/tests/support/session'
import { hydrated } from '../helpers'

/**
 * 共用设备模式 (issue 25, item 2): a browser at a village station that residents use in turn.
 * Staff switch it on; it survives signing out; after a finished task, 3 minutes without a touch
 * (shortened here) or 下一位, nothing of the person is left in storage, cookies, fields or history.
 */

const baseURL = inject('baseURL')
const organizer = new ApiClient(baseURL)
let browser: Browser
const IDLE_MS = 8_000
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

beforeAll(async () => {
  await organizer.login('organizer@demo.local')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function signIn(page: Page) {
  await page.goto(new URL('/login', baseURL).href, { waitUntil: 'networkidle' })
  await hydrated(page)
  await page.fill('#email', 'organizer@demo.local')
  await page.fill('#password', DEMO_PASSWORD)
  await page.locator('form button[type="submit"]').click()
  await page.waitForURL(/\/organizer$/)
  await hydrated(page)
}

/** Staff switch the device into the mode on the organizer home, then sign out: the home page opens. */
async function sharedDevice(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await signIn(page)
  await page.locator('[data-shared-device-state]').waitFor()
  expect(await page.textContent('[data-shared-device-state]')).toMatch(/未开启|is off/)
  await page.click('[data-shared-device-toggle]')
  expect(await page.textContent('[data-shared-device-state]')).toMatch(/已开启|is on/)
  await page.evaluate(key => localStorage.setItem(key, '8000'), 'portal:shared-device-idle-ms')
  await page.locator('.organizer-menu__button').click()
  await page.getByRole('button', { name: /退出登录|Sign out/ }).click()
  await page.waitForURL(new URL('/', baseURL).href)
  await hydrated(page)
  await page.locator('[data-shared-device]').waitFor()
  return page
}

async function book(page: Page, slug: string, name: string, phone: string) {
  await page.goto(new URL(`/events/${slug}`, baseURL).href, { waitUntil: 'networkidle' })
  await hydrated(page)
  await page.locator('#booking-name').scrollIntoViewIfNeeded()
  await page.fill('#booking-name', name)
  await page.fill('#booking-phone', phone)
  await page.locator('label[for="booking-consent"]').click()
  const submit = page.locator('form.booking-form button[type="submit"]')
  await submit.and(page.locator(':not([disabled])')).waitFor({ timeout: 30_000 })
  await submit.click()
  await page.waitForURL(/\/tickets\/[^/?]+\?new=1$/)
  await page.locator('h1').waitFor()
}

/** Everything a trace of the person could hide in, as one string. */
async function traces(page: Page, context: BrowserContext): Promise<string> {
  const inPage = await page.evaluate(() => JSON.stringify({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    cookie: document.cookie,
    fields: [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map(f => f.value),
  }))
  return inPage + JSON.stringify(await context.cookies())
}

const digits = (phone: string) => phone.replace(/\D/g, '').slice(-8)

describe('共用设备模式', () => {
  it('forgets a booking after the idle time: no name or number in storage, cookies, fields or history', async () => {
    // Signing out in the browser ends the account's other sessions too: sign the API client in again.
    await organizer.login('organizer@demo.local')
    const { slug } = await publishedEvent(organizer)
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false }, { width: 412, height: 823 })
    try {
      const page = await sharedDevice(context)
      expect(await page.textContent('[data-shared-device]')).toContain('这是共用设备')
      const name = '钱淑芬'
      const phone = mobile()
      await book(page, slug, name, phone)
      const before = await page.evaluate(() => history.length)
      // The ticket page is a finished task: storage is emptied at once, while the ticket stays to be read.
      await expect.poll(() => page.evaluate(() => sessionStorage.length + Object.keys(localStorage).filter(k => k !== 'portal:shared-device-idle-ms').length)).toBe(0)

      // Past the (shortened) idle time the home page replaces the ticket.
      await page.waitForURL(new URL('/', baseURL).href, { timeout: IDLE_MS * 4 })
      await hydrated(page)
      const left = await traces(page, context)
      expect(left).not.toContain(name)
      expect(left).not.toContain(digits(phone))
      expect(JSON.parse((await context.cookies()).find(c => c.name === 'shared_device')?.value ?? '0')).toBe(1)
      // The tab's history did not grow with the booking, and Back does not bring the ticket back.
      expect(await page.evaluate(() => history.length)).toBe(before)
      await page.goBack().catch(() => null)
      expect(page.url()).not.toMatch(/\/tickets\//)
      expect(await page.content()).not.toContain(name)

      // Nothing is offered to the next person: the event's form opens empty.
      await page.goto(new URL(`/events/${slug}`, baseURL).href, { waitUntil: 'networkidle' })
      await hydrated(page)
      expect(await page.inputValue('#booking-name')).toBe('')
      expect(await page.inputValue('#booking-phone')).toBe('')
    }
    finally {
      await context.close()
    }
  })

  it('下一位 forgets at once and keeps only the mode, the language and elder mode', async () => {
    // Signing out in the browser ends the account's other sessions too: sign the API client in again.
    await organizer.login('organizer@demo.local')
    const { slug } = await publishedEvent(organizer)
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 412, height: 823 })
    try {
      const page = await sharedDevice(context)
      await page.evaluate(() => localStorage.setItem('portal:shared-device-idle-ms', '600000'))
      await page.goto(new URL(`/events/${slug}`, baseURL).href, { waitUntil: 'networkidle' })
      await hydrated(page)
      const name = '孙桂香'
      const phone = mobile()
      await page.locator('#booking-name').scrollIntoViewIfNeeded()
      await page.fill('#booking-name', name)
      await page.fill('#booking-phone', phone)
      await page.evaluate(([n, p]) => {
        localStorage.setItem('portal:case-draft:test', JSON.stringify({ name: n, phone: p }))
        sessionStorage.setItem('portal:quiz-attempt:test', n!)
        document.cookie = `someone=${encodeURIComponent(n!)}; Path=/`
      }, [name, phone])

      await page.click('[data-next-person]')
      await page.waitForURL(new URL('/', baseURL).href, { timeout: 10_000 })
      await hydrated(page)
      const left = await traces(page, context)
      expect(left).not.toContain(name)
      expect(left).not.toContain(encodeURIComponent(name))
      expect(left).not.toContain(digits(phone))
      const kept = (await context.cookies()).map(c => c.name)
      expect(kept).toEqual(expect.arrayContaining(['shared_device', 'lang', 'elder']))
      expect(kept).not.toContain('someone')
      expect(await page.evaluate(() => document.documentElement.className + document.body.className)).toContain('elder')
    }
    finally {
      await context.close()
    }
  })

  it('survives signing out and is ended only by staff, signed in', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'en', elder: false }, { width: 412, height: 823 })
    try {
      const page = await sharedDevice(context)
      expect(await page.textContent('[data-shared-device]')).toContain('This is a shared device')
      // Residents' pages have no way to end it, and the staff area needs a signed-in account.
      expect(await page.locator('[data-shared-device-toggle]').count()).toBe(0)
      await page.goto(new URL('/organizer', baseURL).href, { waitUntil: 'networkidle' })
      expect(page.url()).toMatch(/\/login/)
      expect((await context.cookies()).some(c => c.name === 'shared_device' && c.value === '1')).toBe(true)

      await signIn(page)
      await page.locator('[data-shared-device-state]').waitFor()
      expect(await page.textContent('[data-shared-device-state]')).toContain('is on')
      await page.click('[data-shared-device-toggle]')
      expect(await page.textContent('[data-shared-device-state]')).toContain('is off')
      expect((await context.cookies()).some(c => c.name === 'shared_device')).toBe(false)
      await page.goto(new URL('/', baseURL).href, { waitUntil: 'networkidle' })
      await hydrated(page)
      expect(await page.locator('[data-shared-device]').count()).toBe(0)
    }
    finally {
      await context.close()
    }
  })

  it('offers a lesson\'s progress as a resume code and keeps none of it; the banner is axe clean in both languages', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const context = await contextFor(browser, baseURL, { lang, elder: lang === 'en' }, { width: 412, height: 823 })
      try {
        const page = await sharedDevice(context)
        await page.evaluate(() => localStorage.setItem('portal:shared-device-idle-ms', '600000'))
        const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
        expect(axe.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)).toEqual([])

        await page.goto(new URL('/courses/pay-by-phone-safely/scan-to-pay/1', baseURL).href, { waitUntil: 'networkidle' })
        await hydrated(page)
        await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some(k => k.startsWith('portal:course:')))).toBe(true)
        await page.goto(new URL('/courses/pay-by-phone-safely/scan-to-pay/summary', baseURL).href, { waitUntil: 'networkidle' })
        await hydrated(page)
        await page.locator('#resume-code-value').waitFor()
        const code = (await page.locator('#resume-code-value').textContent())!.replace(/\s/g, '')
        const kept = await new ApiClient(baseURL).get(`/api/progress/${code}`)
        expect(kept.status).toBe(200)
        expect(JSON.stringify(kept.json)).toContain('scan-to-pay')
        // The device keeps nothing of it: not the progress, not the code.
        await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter(k => k !== 'portal:shared-device-idle-ms'))).toEqual([])
        expect(await page.getByRole('button', { name: /打印续学码|Print the resume code/ }).count()).toBe(1)
        const summaryAxe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
        expect(summaryAxe.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)).toEqual([])
      }
      finally {
        await context.close()
      }
    }
  })
})
