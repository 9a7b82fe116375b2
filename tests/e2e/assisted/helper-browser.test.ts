import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

// The helper's booking form, clicked through in the browser (issue 25, item 1): a resident with only a landline,
// who agreed on the phone; what was typed survives a refusal; the slip to print has the code and the QR code.
const baseURL = inject('baseURL')
const organizer = new ApiClient(baseURL)
const helper = new ApiClient(baseURL)
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  await organizer.login('organizer@demo.local')
  await helper.login('helper@demo.local')
})
afterAll(() => browser?.close())

async function helperContext(): Promise<BrowserContext> {
  const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false }, { width: 360, height: 740 })
  const [name, value] = helper.cookie.split(/=(.*)/s) as [string, string]
  await context.addCookies([{ name, value, url: baseURL }])
  return context
}

describe('a helper books in the browser', () => {
  it('books for a resident with a landline who agreed on the phone, keeps what was typed on a refusal, and opens the slip', async () => {
    const { slug } = await publishedEvent(organizer)
    const landline = `024-${String(Date.now() % 100_000_000).padStart(8, '0')}`
    const context = await helperContext()
    try {
      const page = await context.newPage()
      await page.goto(new URL(`/organizer/assisted/book/${slug}`, baseURL).href, { waitUntil: 'networkidle' })
      await page.fill('#assisted-name', '赵桂芳')
      await page.check('#assisted-contact-1') // 座机 (landline)
      await page.fill('#assisted-phone', landline)
      // No consent ticked: refused on the page, naming the consent, and nothing typed is lost.
      await page.click('form.organizer-form button[type=submit]')
      await expect.poll(() => page.locator('.error-summary__list').textContent()).toContain('同意')
      expect(await page.inputValue('#assisted-name')).toBe('赵桂芳')
      expect(await page.inputValue('#assisted-phone')).toBe(landline)
      expect(page.url()).toContain('/organizer/assisted/book/')

      await page.check('#assisted-consent-1') // 电话中本人同意
      await page.click('form.organizer-form button[type=submit]')
      await page.waitForURL(/\/organizer\/assisted\/slips\//)
      const code = (await page.locator('[data-testid="slip-code"]').textContent())!.trim()
      expect(code).toMatch(/^[A-Z0-9-]{6,}$/)
      const qr = page.locator('img.assisted-slip__qr')
      await expect.poll(() => qr.evaluate(img => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
      // The slip never shows the landline.
      expect(await page.locator('[data-testid="assisted-slip"]').textContent()).not.toContain(landline.slice(-8))

      // Recorded as the helper did it: on the phone, for a landline, and in their list with the name masked.
      const mine = await helper.get('/api/assisted/registrations')
      const row = (mine.json.items as Array<{ code: string, consent: string, contact: string, residentName: string }>).find(r => r.code === code)
      expect(row).toMatchObject({ consent: 'phone', contact: 'landline', residentName: '赵**' })
    }
    finally {
      await context.close()
    }
  })
})
