import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const HOUR = 3_600_000
const DAY = 24 * HOUR
let browser: Browser
const organizer = new ApiClient(baseURL)

beforeAll(async () => {
  browser = await launchBrowser()
  await organizer.login('organizer@demo.local')
})
afterAll(() => browser?.close())

/** A Tuesday some weeks from now, as a Beijing date (computed, never written). */
function tuesdayDate(weeksAhead: number): string {
  const shanghai = new Date(Date.now() + weeksAhead * 7 * DAY + 8 * HOUR)
  return new Date(shanghai.getTime() + ((2 - shanghai.getUTCDay() + 7) % 7) * DAY).toISOString().slice(0, 10)
}

async function signedIn(width = 1024): Promise<BrowserContext> {
  const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false }, { width, height: 900 })
  const [name, value] = organizer.cookie.split(/=(.*)/s) as [string, string]
  await context.addCookies([{ name, value, url: baseURL }])
  return context
}

describe('repeating classes and messages in the organiser\'s browser', () => {
  it('lists the dates 重复 will make before saving, and names the weekday problem', async () => {
    const context = await signedIn()
    try {
      const page = await context.newPage()
      await page.goto(new URL('/organizer/events/new', baseURL).href, { waitUntil: 'networkidle' })
      const date = tuesdayDate(6)
      await page.fill('#event-starts', `${date}T14:00`)
      await page.selectOption('#event-repeat', 'weekly')
      await page.check('#event-repeat-days-1') // Tuesday (Monday is the first)
      await page.check('#event-repeat-days-3') // Thursday
      await page.fill('#event-repeat-count', '4')
      await expect.poll(() => page.locator('ol.organizer-series-dates li').count()).toBe(4)
      expect(await page.locator('ol.organizer-series-dates li').first().textContent()).toContain('14:00')
      // Without Tuesday the first class is not one the rule makes: said at once, beside the days.
      await page.uncheck('#event-repeat-days-1')
      await expect.poll(() => page.locator('[data-testid="repeat-mismatch"]').textContent()).toContain('第一场')
      await page.check('#event-repeat-days-1')
      // A holiday written the way people write dates is skipped: three classes are left.
      const thursday = new Date(Date.parse(`${date}T00:00:00Z`) + 2 * DAY).toISOString().slice(0, 10)
      await page.fill('#event-repeat-except', `${thursday.slice(0, 4)}年${Number(thursday.slice(5, 7))}月${Number(thursday.slice(8, 10))}日`)
      await expect.poll(() => page.locator('ol.organizer-series-dates li').count()).toBe(3)
      expect(await page.locator('[data-testid="repeat-mismatch"]').count()).toBe(0)
    }
    finally {
      await context.close()
    }
  })

  it('asks "only this one or this and later ones" when editing a class of a series, then saves for the later ones too', async () => {
    const start = new Date(`${tuesdayDate(7)}T14:00:00+08:00`).toISOString()
    const created = await organizer.post('/api/organizer/events', {
      title: { zh: '每周手机课' }, summary: { zh: '每周二下午' }, description: { zh: '带上手机' },
      startsAt: start, endsAt: new Date(Date.parse(start) + 2 * HOUR).toISOString(), venueCode: 'heping-telecom-experience-centre', district: 'heping',
      category: 'daily-life', audience: ['older-people'], format: 'onsite', capacity: 10,
      bookingOpensAt: new Date(Date.now() - HOUR).toISOString(), bookingClosesAt: new Date(Date.parse(start) - HOUR).toISOString(),
      repeat: { frequency: 'weekly', weekdays: ['TU'], count: 3 },
    })
    expect(created.status, created.text).toBe(201)
    const context = await signedIn(360)
    try {
      const page = await context.newPage()
      await page.goto(new URL(`/organizer/events/${created.json.id}/edit`, baseURL).href, { waitUntil: 'networkidle' })
      await expect(page.locator('#event-scope').count()).resolves.toBe(1)
      expect(await page.locator('fieldset:has(#event-scope)').textContent()).toContain('第 1 场，共 3 场')
      await page.fill('#event-zh-title', '每周手机课（改）')
      await page.click('button[type="submit"]')
      await expect.poll(() => page.locator('.error-summary__list').textContent()).toContain('请选择只改这一场')
      await page.check('#event-scope-1') // this and the following ones
      await page.click('button[type="submit"]')
      await page.waitForURL(/\/organizer\/events(\?|$)/)
      await expect.poll(() => page.locator('.notice').first().textContent()).toContain('一共 3 场')
      const list = await organizer.get('/api/organizer/events')
      expect(list.json.items.filter((e: { title: { zh: string } }) => e.title.zh === '每周手机课（改）')).toHaveLength(3)
    }
    finally {
      await context.close()
    }
  })

  it('reads a message back exactly as it will be sent, then sends it to everyone booked', async () => {
    const { id, slug } = await publishedEvent(organizer)
    for (const n of [1, 2]) expect((await new ApiClient(baseURL).post(`/api/events/${slug}/registrations`, { phone: mobile(), name: `居民${n}`, partySize: 1, consent: true })).status).toBe(201)
    const context = await signedIn(360)
    try {
      const page = await context.newPage()
      await page.goto(new URL(`/organizer/events/${id}/attendees`, baseURL).href, { waitUntil: 'networkidle' })
      await page.fill('#event-message-text', '请'.repeat(71))
      await page.getByRole('button', { name: '预览短信' }).click()
      await expect.poll(() => page.locator('#event-message-text').getAttribute('aria-invalid')).toBe('true')
      await page.fill('#event-message-text', '请从北门进入，电梯在左手边')
      await page.getByRole('button', { name: '预览短信' }).click()
      const preview = page.getByTestId('message-preview')
      await expect.poll(() => preview.textContent()).toMatch(/^\s*【天津市信息消费体验周】「测试：手机支付小课堂」（.+）主办方通知：请从北门进入，电梯在左手边\s*$/)
      expect(await page.locator('#notify-preview').textContent()).toContain('2 个人')
      await page.getByRole('button', { name: '确认发送' }).click()
      await expect.poll(() => page.locator('section[aria-labelledby="notify"] .notice').textContent()).toContain('已发给 2 个人')
      await expect.poll(() => page.locator('section[aria-labelledby="notify"]').textContent()).toContain('还能发 2 条')
      expect(await page.locator('section[aria-labelledby="notify"]').textContent()).toContain('请从北门进入，电梯在左手边')
    }
    finally {
      await context.close()
    }
  })
})
