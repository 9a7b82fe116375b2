import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
let browser: Browser
let cookie: string

beforeAll(async () => {
  browser = await launchBrowser()
  const organizer = new ApiClient(baseURL)
  await organizer.login('organizer@demo.local')
  cookie = organizer.cookie
})
afterAll(() => browser?.close())

describe('the organizer event form in the browser', () => {
  it('offers every text field in both languages, each with its label', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
    const [name, value] = cookie.split(/=(.*)/s) as [string, string]
    await context.addCookies([{ name, value, url: baseURL }])
    try {
      const page = await context.newPage()
      await page.goto(new URL('/organizer/events/new', baseURL).href, { waitUntil: 'networkidle' })
      for (const lang of ['zh', 'en']) {
        await expect(page.locator(`input#event-${lang}-title`).count()).resolves.toBe(1)
        for (const field of ['summary', 'description', 'bring']) {
          const textarea = page.locator(`textarea#event-${lang}-${field}`)
          expect(await textarea.count(), `${lang} ${field}`).toBe(1)
          expect(await page.locator(`label[for="event-${lang}-${field}"]`).count(), `${lang} ${field} label`).toBe(1)
        }
      }
      // A control: an unknown component would leave an empty custom element behind.
      expect(await page.locator('organizertextareafield, formtextareafield').count()).toBe(0)
    }
    finally {
      await context.close()
    }
  })

  it('shows the event\'s text messages on the attendees page, sent, without the resident\'s link', async () => {
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const { id, slug } = await publishedEvent(organizer)
    const booked = await new ApiClient(baseURL).post(`/api/events/${slug}/registrations`, { phone: mobile(), name: '吴淑珍', partySize: 1, consent: true })
    expect(booked.status).toBe(201)
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false }, { width: 360, height: 800 })
    const [name, value] = cookie.split(/=(.*)/s) as [string, string]
    await context.addCookies([{ name, value, url: baseURL }])
    try {
      const page = await context.newPage()
      // The booking woke the sender; the record provider marks it sent within a moment.
      await expect.poll(async () => {
        await page.goto(new URL(`/organizer/events/${id}/attendees`, baseURL).href)
        return page.locator('li.organizer-message').first().textContent()
      }, { timeout: 10_000 }).toContain('已发出')
      const row = await page.locator('li.organizer-message').first().textContent()
      expect(row).toContain(booked.json.code)
      expect(row).toContain('报名成功')
      expect(await page.locator('main').textContent()).not.toContain(booked.json.ticketToken)
    }
    finally {
      await context.close()
    }
  })
})
