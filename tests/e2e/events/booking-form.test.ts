import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { ApiClient } from '~~/tests/support/session'
import { hydrated } from '../helpers'

/**
 * The booking form hydrates only when it scrolls into view (its code, with the
 * validation schemas, is off the event page's start-up path). Whatever a person
 * types before its code has arrived must survive hydration, and the form must then
 * book as usual.
 */

const baseURL = inject('baseURL')
const organizer = new ApiClient(baseURL)
let browser: Browser

beforeAll(async () => {
  await organizer.login('organizer@demo.local')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the lazily hydrated booking form', () => {
  it('keeps what was typed before it hydrated, then books', async () => {
    const { slug } = await publishedEvent(organizer, { maxPartySize: 3 })
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false }, { width: 412, height: 823 })
    try {
      const page = await context.newPage()
      await page.goto(new URL(`/events/${slug}`, baseURL).href, { waitUntil: 'networkidle' })
      await hydrated(page)

      // Hold back every script fetched from now on: the form's code among them.
      const held: string[] = []
      let release!: () => void
      const gate = new Promise<void>(resolve => (release = resolve))
      await page.route('**/_nuxt/*.js', async (route) => {
        held.push(route.request().url())
        await gate
        await route.continue()
      })

      const phone = mobile()
      await page.locator('#booking-name').scrollIntoViewIfNeeded()
      await page.fill('#booking-name', '赵桂兰')
      await page.fill('#booking-phone', phone)
      await page.selectOption('#booking-party', '2')
      await page.locator('label[for="booking-age-1"]').click()
      const ageValue = await page.locator('#booking-age-1').getAttribute('value')
      await page.selectOption('#booking-district', 'heping')
      await page.locator('label[for="booking-consent"]').click()
      await expect.poll(() => held.length, { message: 'the form asked for its code when it came into view' }).toBeGreaterThan(0)

      release()
      await page.waitForLoadState('networkidle')
      await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))

      expect(await page.inputValue('#booking-name')).toBe('赵桂兰')
      expect(await page.inputValue('#booking-phone')).toBe(phone)
      expect(await page.inputValue('#booking-party')).toBe('2')
      expect(await page.locator('#booking-age-1').isChecked()).toBe(true)
      expect(await page.inputValue('#booking-district')).toBe('heping')
      expect(await page.locator('#booking-consent').isChecked()).toBe(true)

      // The button can be pressed once the form's code has run (before that it would reload the page).
      const submitButton = page.locator('form.booking-form button[type="submit"]')
      await submitButton.and(page.locator(':not([disabled])')).waitFor({ timeout: 30_000 })
      const sent = page.waitForRequest(r => r.method() === 'POST' && r.url().endsWith(`/api/events/${slug}/registrations`))
      await submitButton.click()
      expect((await sent).postDataJSON()).toMatchObject({ name: '赵桂兰', partySize: 2, ageGroup: ageValue, district: 'heping', consent: true })
      await page.waitForURL(/\/tickets\/[^/?]+\?new=1$/)
      const token = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
      const ticket = await new ApiClient(baseURL).get(`/api/tickets/${encodeURIComponent(token)}`)
      expect(ticket.status).toBe(200)
      expect(ticket.json).toMatchObject({ status: 'confirmed', partySize: 2 })
    }
    finally {
      await context.close()
    }
  })
})
