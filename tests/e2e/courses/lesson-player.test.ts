import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { hydrated } from '../helpers'

const baseURL = inject('baseURL')
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const lessonPath = '/courses/pay-by-phone-safely/verification-codes'

/** Tabs until the focused element's text matches, then presses Enter: a keyboard user following a link. */
async function tabTo(page: Page, text: RegExp) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
    if (text.test(focused)) return page.keyboard.press('Enter')
  }
  throw new Error(`no focusable element ${text}`)
}

describe('the lesson player', () => {
  it('takes a lesson through, step by step, in zh-CN elder mode at 360 px by keyboard alone', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 780 })
    try {
      const page = await context.newPage()
      await page.goto(new URL('/courses/pay-by-phone-safely', baseURL).href)
      await hydrated(page)
      await tabTo(page, /^开始学习$/)
      await page.waitForURL('**/scan-to-pay/1')
      // The course's first lesson is opened; this test walks the third one, reached from its URL.
      await page.goto(new URL(`${lessonPath}/1`, baseURL).href)
      await hydrated(page)
      for (let n = 1; n <= 6; n++) {
        await expect(page.locator('.course-step__count').textContent()).resolves.toBe(`第 ${n} 步，共 6 步`)
        // Nothing wider than the screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
        await tabTo(page, n < 6 ? /^下一步$/ : /^学完了，看小结$/)
        await page.waitForURL(n < 6 ? `**/${n + 1}` : '**/summary')
      }
      await expect(page.locator('#summary-title').textContent()).resolves.toBe('记住这几点')
      // The focus moved to the new screen's heading, so the keyboard starts there.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('summary-title')
      await tabTo(page, /^报给他$/)
      await page.locator('#q1 .course-question__explain').waitFor()
      await expect(page.locator('#q1 .course-question__explain').textContent()).resolves.toContain('正确答案是：不报，挂电话')
      await tabTo(page, /^反诈专线$/)
      await expect(page.locator('#q2 .course-question__explain').textContent()).resolves.toContain('答对了')
      // The first answer's explanation is still there.
      expect(await page.locator('.course-question__explain').count()).toBe(2)

      // Progress is kept in this browser: the course page marks the finished lesson and goes on with one not yet done.
      await page.goto(new URL('/courses/pay-by-phone-safely', baseURL).href)
      await hydrated(page)
      await expect.poll(() => page.locator('.course-continue').textContent()).toContain('接着学下一课：扫码付款前，先看收款人')
      expect(await page.locator('.course-lessons li.is-done').count()).toBe(1)
      expect(await page.locator('.course-lessons li.is-done').textContent()).toMatch(/验证码不给任何人.*✓ 已学完/)
    }
    finally {
      await context.close()
    }
  })

  it('goes on offline after the first step: every step, the summary and the check, with no request', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false }, { width: 360, height: 780 })
    try {
      const page = await context.newPage()
      const requests: string[] = []
      await page.goto(new URL(`${lessonPath}/1`, baseURL).href)
      await hydrated(page)
      // Nuxt's check for a newer build (_nuxt/builds/) and the browser's favicon may try and fail; nothing else may.
      page.on('request', (r) => {
        if (!/\/_nuxt\/builds\/|\/favicon\.svg$/.test(r.url())) requests.push(`${r.resourceType()} ${r.url()}`)
      })
      await context.setOffline(true)
      for (let n = 2; n <= 6; n++) {
        await page.getByRole('link', { name: '下一步' }).click()
        await page.waitForURL(`**/${n}`)
        await expect(page.locator('.course-step__count').textContent()).resolves.toBe(`第 ${n} 步，共 6 步`)
      }
      await page.getByRole('link', { name: '上一步' }).click()
      await page.waitForURL('**/5')
      await page.goBack()
      await page.waitForURL('**/6')
      await page.getByRole('link', { name: '学完了，看小结' }).click()
      await page.getByRole('link', { name: '反诈专线' }).click()
      await expect(page.locator('#q2 .course-question__explain').textContent()).resolves.toContain('答对了')
      expect(requests).toEqual([])
      // Back online, the anonymous counts made offline are sent: steps 2–6 and the finished lesson.
      const counted = page.waitForRequest(r => r.url().endsWith('/api/course-activity') && r.postData()?.includes('"completed":true') === true)
      await context.setOffline(false)
      await counted
      await expect.poll(() => requests.filter(r => r.includes('/api/course-activity')).length).toBe(6)
    }
    finally {
      await context.close()
    }
  })

  it('shows a lesson\'s simulated screen offline when the lesson was opened online', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 780 })
    try {
      const page = await context.newPage()
      await page.goto(new URL('/courses/pay-by-phone-safely/scan-to-pay/1', baseURL).href)
      await hydrated(page)
      await page.waitForLoadState('networkidle')
      await context.setOffline(true)
      for (let n = 2; n <= 5; n++) {
        await page.getByRole('link', { name: '下一步' }).click()
        await page.waitForURL(`**/${n}`)
      }
      await page.locator('.sim-phone').waitFor({ timeout: 5000 })
      await expect(page.locator('.sim-phone').count()).resolves.toBe(1)
    }
    finally {
      await context.close()
    }
  })

  it('works without JavaScript: real links to each step and the check answered by links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' })
    try {
      const page = await context.newPage()
      await page.goto(new URL(`${lessonPath}/6`, baseURL).href)
      await page.getByRole('link', { name: '学完了，看小结' }).click()
      await page.getByRole('link', { name: '快递电话' }).click()
      await expect(page.locator('#q2 .course-question__explain').textContent()).resolves.toContain('正确答案是：反诈专线')
      // An unknown step is a 404.
      expect((await page.goto(new URL(`${lessonPath}/99`, baseURL).href))?.status()).toBe(404)
    }
    finally {
      await context.close()
    }
  })

  it('loads no SQLite or content dump in the browser', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
    try {
      const page = await context.newPage()
      const urls: string[] = []
      page.on('request', r => urls.push(r.url()))
      await page.goto(new URL('/courses', baseURL).href, { waitUntil: 'networkidle' })
      await page.getByRole('link', { name: '手机支付，安全第一' }).click()
      await page.waitForURL('**/pay-by-phone-safely')
      await page.getByRole('link', { name: '开始学习' }).click()
      await page.waitForURL('**/1')
      await page.waitForLoadState('networkidle')
      expect(urls.some(u => u.includes('/api/courses/'))).toBe(true)
      expect(urls.filter(u => /wasm|sqlite|__nuxt_content/i.test(u))).toEqual([])
    }
    finally {
      await context.close()
    }
  })
})
