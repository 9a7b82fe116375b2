import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { hydrated } from '../helpers'

const baseURL = inject('baseURL')
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const course = '/courses/pay-by-phone-safely'

describe('a resume code and the certificate', () => {
  it('restores progress in a new browser: the code from one, typed into the other, continues at the same step', async () => {
    const first = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 780 })
    const second = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 780 })
    try {
      const page = await first.newPage()
      await page.goto(new URL(`${course}/payment-password/3`, baseURL).href)
      await hydrated(page)
      await page.goto(new URL(course, baseURL).href)
      await hydrated(page)
      await page.getByRole('button', { name: '给我一个续学码' }).click()
      const code = (await page.locator('#resume-code-value').textContent())!.replace(/\s/g, '')
      expect(code).toMatch(/^[ACEFGHJKMNPRTUVWXY34679]{7}$/)
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('resume-code-value')

      // A later step on the first phone is kept behind the same code.
      const kept = page.waitForResponse(r => r.url().includes(`/api/progress/${code}`) && r.request().method() === 'PUT')
      await page.goto(new URL(`${course}/payment-password/4`, baseURL).href)
      await hydrated(page)
      expect((await kept).status()).toBe(200)

      const other = await second.newPage()
      await other.goto(new URL('/courses/resume', baseURL).href)
      await hydrated(other)
      await other.getByLabel('续学码').fill(code.toLowerCase())
      await other.getByRole('button', { name: '接着学' }).click()
      await other.waitForURL('**/courses/resume?code=*')
      await hydrated(other)
      await expect(other.getByRole('status').textContent()).resolves.toContain('已经存到这台手机上了')
      await other.getByRole('link', { name: '手机支付，安全第一' }).click()
      await other.waitForURL('**/payment-password/4')

      // The course page of the second browser now offers to continue there.
      await other.goto(new URL(course, baseURL).href)
      await hydrated(other)
      await expect(other.locator('.course-continue').textContent()).resolves.toContain('第 4 步')
    }
    finally {
      await first.close()
      await second.close()
    }
  })

  it('says which code is unknown, without JavaScript too', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' })
    try {
      const page = await context.newPage()
      await page.goto(new URL('/courses/resume?code=ACE4FGH', baseURL).href)
      await expect(page.locator('#resume-code-error').textContent()).resolves.toContain('没有找到这个续学码')
      await page.goto(new URL('/courses/resume?code=0O0', baseURL).href)
      await expect(page.locator('#resume-code-error').textContent()).resolves.toContain('6 到 8 个字母和数字')
    }
    finally {
      await context.close()
    }
  })

  it('prints a certificate once every lesson is finished, with a name that never leaves the page', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false }, { width: 360, height: 780 })
    try {
      const page = await context.newPage()
      const sent: string[] = []
      page.on('request', r => sent.push(`${r.url()} ${r.postData() ?? ''}`))
      await page.goto(new URL(`${course}/certificate`, baseURL).href)
      await hydrated(page)
      await expect(page.getByRole('heading', { name: '还差这几课' }).count()).resolves.toBe(1)
      await expect(page.locator('#certificate-remaining ~ ol li').count()).resolves.toBe(3)

      for (const lesson of ['scan-to-pay', 'payment-password', 'verification-codes']) {
        await page.goto(new URL(`${course}/${lesson}/summary`, baseURL).href)
        await hydrated(page)
      }
      await page.getByRole('link', { name: '学完了？打印结业证明' }).first().click()
      await page.waitForURL('**/certificate')
      await page.getByLabel('您的名字').fill('王秀英（示例）')
      await expect(page.locator('.course-certificate__name').textContent()).resolves.toBe('王秀英（示例）')
      await page.emulateMedia({ media: 'print' })
      await expect(page.locator('.site-header').isVisible()).resolves.toBe(false)
      await expect(page.locator('#certificate-name').isVisible()).resolves.toBe(false)
      await expect(page.locator('.course-certificate').isVisible()).resolves.toBe(true)
      expect(sent.filter(s => s.includes('王秀英') || s.includes(encodeURIComponent('王秀英')))).toEqual([])
    }
    finally {
      await context.close()
    }
  })
})
