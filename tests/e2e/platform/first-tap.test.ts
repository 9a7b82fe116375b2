import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

/**
 * A tap made while the page's code is still on its way (a cheap phone on a slow network) is kept
 * and done once the code arrives: booking and voting work on the first tap at any moment. The
 * page's scripts are held back until the tap is made. Control: without the page's tap keeper, the
 * same tap is lost.
 */

const baseURL = inject('baseURL')
let browser: Browser
let eventSlug: string
let caseSlug: string

beforeAll(async () => {
  browser = await launchBrowser()
  const organizer = new ApiClient(baseURL)
  await organizer.login('organizer@demo.local')
  eventSlug = (await publishedEvent(organizer)).slug
  const cases = (await new ApiClient(baseURL).get('/api/cases?call=week-case-call')).json.items as { slug: string }[]
  caseSlug = cases[0]!.slug
})
afterAll(() => browser?.close())

/** A zh-CN elder phone whose page scripts wait until `release()`. */
async function slowPhone(options: { keeper: boolean } = { keeper: true }) {
  const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 740 })
  let release!: () => void
  const gate = new Promise<void>(resolve => (release = resolve))
  await context.route(/\/_nuxt\/.*\.js(\?|$)/, async (route) => {
    await gate
    await route.continue()
  })
  // The control: the keeper finds its queue already there and stands aside.
  if (!options.keeper) await context.addInitScript(() => Object.defineProperty(window, '__keptTaps', { value: [], writable: false }))
  const page = await context.newPage()
  return { page, release, close: () => context.close() }
}

async function book(page: Page) {
  await page.goto(new URL(`/events/${eventSlug}#booking`, baseURL).href, { waitUntil: 'commit' })
  const form = page.locator('form.booking-form')
  await form.waitFor()
  await page.fill('#booking-name', '王秀英')
  await page.fill('#booking-phone', mobile())
  await page.check('#booking-consent')
  await form.locator('button[type="submit"]').click()
}

describe('the first tap, before the page is live', () => {
  it('books: the tap is held (the button says it is busy) and sent once the form is live', async () => {
    const { page, release, close } = await slowPhone()
    try {
      await book(page)
      const button = page.locator('form.booking-form button[type="submit"]')
      expect(await button.getAttribute('aria-busy')).toBe('true')
      expect(new URL(page.url()).pathname).toBe(`/events/${eventSlug}`)
      release()
      await page.waitForURL(url => url.pathname.startsWith('/tickets/'), { timeout: 20_000 })
      expect(new URL(page.url()).searchParams.get('new')).toBe('1')
    }
    finally {
      await close()
    }
  })

  it('votes: 投票 tapped before the vote is live opens the number check', async () => {
    const { page, release, close } = await slowPhone()
    try {
      await page.goto(new URL(`/cases/${caseSlug}`, baseURL).href, { waitUntil: 'commit' })
      const start = page.locator('.case-vote button[data-keep-tap]')
      await start.scrollIntoViewIfNeeded()
      await start.click()
      expect(await start.getAttribute('aria-busy')).toBe('true')
      release()
      await page.locator('#verify-phone-title').waitFor({ timeout: 20_000 })
      // Nothing threw the person back to the top when the page came alive.
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0)
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('verify-phone-title')
    }
    finally {
      await close()
    }
  })

  it('control: without the keeper the same booking tap is lost', async () => {
    const { page, release, close } = await slowPhone({ keeper: false })
    try {
      await book(page).catch(() => {})
      release()
      await page.waitForTimeout(3000)
      expect(new URL(page.url()).pathname).not.toMatch(/^\/tickets\//)
    }
    finally {
      await close()
    }
  })
})
