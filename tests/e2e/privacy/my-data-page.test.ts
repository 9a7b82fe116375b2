import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

describe('a resident\'s own data in the browser (the embedded demo)', () => {
  it('proves the number by a code shown as 演示环境, shows the bookings, and erases them after asking again', async () => {
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const { slug } = await publishedEvent(organizer)
    const phone = mobile().replace(/\D/g, '').slice(-11)
    const booked = await new ApiClient(baseURL).post(`/api/events/${slug}/registrations`, { phone, name: '孙桂兰', partySize: 1, consent: true })
    expect(booked.status).toBe(201)

    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 800 })
    try {
      const page = await context.newPage()
      await page.goto(new URL('/my-data', baseURL).href, { waitUntil: 'networkidle' })
      // A wrong number first: the error names the field, and what was typed stays.
      await page.fill('#verify-phone', '12345')
      await page.getByRole('button', { name: '发送验证码' }).click()
      await expect(page.locator('#verify-phone-error').textContent()).resolves.toContain('11位')
      expect(await page.inputValue('#verify-phone')).toBe('12345')

      await page.fill('#verify-phone', phone)
      await page.getByRole('button', { name: '发送验证码' }).click()
      await page.locator('#verify-code').waitFor()
      const demo = await page.getByText('演示环境').locator('..').textContent()
      const code = /\d{6}/.exec(demo ?? '')?.[0]
      expect(code).toMatch(/^\d{6}$/)
      expect(await page.getByText('不要告诉任何人').count()).toBe(1)
      await page.fill('#verify-code', code!)
      await page.getByRole('button', { name: '确认', exact: true }).click()
      await page.locator('#my-data-records').waitFor()
      expect(await page.locator('main').textContent()).toContain('孙桂兰')
      expect(await page.locator('main').textContent()).toContain(booked.json.code)

      await page.getByRole('button', { name: '删除我的信息' }).click()
      await page.fill('#verify-phone', phone)
      await page.getByRole('button', { name: '发送验证码' }).click()
      await page.locator('#verify-code').waitFor()
      const again = /\d{6}/.exec(await page.getByText('演示环境').locator('..').textContent() ?? '')![0]
      await page.fill('#verify-code', again)
      await page.getByRole('button', { name: '确认', exact: true }).click()
      // The erase step's own button appears once the code is confirmed; until then the only one is the choice above.
      await expect.poll(() => page.getByRole('button', { name: '删除我的信息' }).count()).toBe(2)
      await page.getByRole('button', { name: '删除我的信息' }).last().click()
      await page.getByRole('button', { name: '是的，删除' }).click()
      await page.getByText('已删除 1 条记录').waitFor()
      expect((await new ApiClient(baseURL).post('/api/registrations/lookup', { phone, code: booked.json.code })).status).toBe(404)
    }
    finally {
      await context.close()
    }
  })
})
