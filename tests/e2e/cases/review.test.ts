import sharp from 'sharp'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { creditCodeCheckChar } from '#shared/cases/credit-code'
import { dictionaries } from '#shared/i18n/dictionaries'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { ApiClient } from '~~/tests/support/session'
import { hydrated } from '../helpers'

const baseURL = inject('baseURL')
let browser: Browser
let admin: ApiClient
let caseId = ''
const first17 = '91120101MA05CR7X1'

/** A complete case handed in by an admin (a staff session needs no verified number), with one picture drawn here. */
async function submittedCase(): Promise<string> {
  const created = await admin.post('/api/case-calls/week-case-call/submissions', { contactPhone: '13912345678', contactName: '测试联系人', title: '评审流程测试案例（示例）' })
  expect(created.status).toBe(201)
  const id = created.json.id as string
  const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#2a6f97' } }).png().toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'picture.png')
  form.append('alt', '蓝色的示例图片')
  const upload = await fetch(`${baseURL}/api/case-submissions/${id}/images`, { method: 'POST', body: form, headers: { cookie: admin.cookie } })
  expect(upload.status).toBe(201)
  const handedIn = await admin.request('PATCH', `/api/case-submissions/${id}`, {
    organisationName: '示例信息服务有限公司', creditCode: first17 + creditCodeCheckChar(first17), district: 'heping', theme: 'daily-life',
    summary: '在社区设点，手把手教老年人用手机缴费、挂号和识别诈骗电话。', description: '我们在每个社区设了固定的帮办点，每周两次，由志愿者一对一教老年人使用手机办理常用事务。'.repeat(2),
    outcomes: [{ label: '服务老人', value: 1200, unit: '人次' }], submit: true,
  })
  expect(handedIn.status, handedIn.text).toBe(200)
  return id
}

/** Tabs until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, match: (el: { tag: string, text: string, id: string, type: string }) => boolean) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab')
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null
      return { tag: a?.tagName ?? '', text: a?.textContent?.trim() ?? '', id: a?.id ?? '', type: a?.type ?? '' }
    })
    if (match(el)) return
  }
  throw new Error('no such focusable element')
}

beforeAll(async () => {
  browser = await launchBrowser()
  admin = new ApiClient(baseURL)
  await admin.login('admin@demo.local')
  caseId = await submittedCase()
})
afterAll(() => browser?.close())

describe('reviewing a case', () => {
  it('is assigned by an admin, scored by keyboard in elder mode at 360 px with the other scores hidden until then, and summed up for the admin', async () => {
    // The admin assigns both demo reviewers, in the browser.
    const adminContext = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
    const [name, value] = admin.cookie.split(/=(.*)/s) as [string, string]
    await adminContext.addCookies([{ name, value, url: baseURL }])
    const reviewerNames = (await admin.get(`/api/admin/cases/${caseId}/reviewers`)).json.items as { id: string, name: string }[]
    try {
      const page = await adminContext.newPage()
      await page.goto(new URL(`/admin/cases/${caseId}`, baseURL).href)
      await hydrated(page)
      // The two demo reviewers, by name: other tests on this server create reviewer accounts of their own.
      const demoReviewers = reviewerNames.filter(r => /^评审专家[甲乙]/.test(r.name))
      expect(demoReviewers).toHaveLength(2)
      for (const r of demoReviewers) await page.getByLabel(r.name, { exact: true }).check()
      await page.getByRole('button', { name: '分配', exact: true }).click()
      await expect.poll(() => page.locator('#assign-title + ul li').count()).toBe(2)
      const statuses = (dictionaries['zh-CN'].cases as { cases: { statuses: Record<string, string> } }).cases.statuses
      await expect.poll(() => page.locator('.organizer-status').first().textContent()).toBe(statuses['in-review'])
    }
    finally {
      await adminContext.close()
    }

    // The other reviewer hands in first.
    const other = new ApiClient(baseURL)
    await other.login('reviewer2@demo.local')
    const review = (score: number, comment: string) => ({ score, comment })
    expect((await other.request('PUT', `/api/organizer/cases/${caseId}/review`, { exemplary: review(5, '乙专家的示范性意见'), innovative: review(5, '乙专家的创新性意见'), replicable: review(5, '乙专家的可推广性意见') })).status).toBe(200)

    // reviewer@demo.local, by keyboard alone, in elder mode on a small phone.
    const reviewer = new ApiClient(baseURL)
    await reviewer.login('reviewer@demo.local')
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 780 })
    const [rName, rValue] = reviewer.cookie.split(/=(.*)/s) as [string, string]
    await context.addCookies([{ name: rName, value: rValue, url: baseURL }])
    try {
      const page = await context.newPage()
      await page.goto(new URL(`/organizer/cases/${caseId}`, baseURL).href)
      await hydrated(page)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      // Nothing of the other review before this one is in.
      expect(await page.content()).not.toContain('乙专家')
      expect(await page.locator('#review-others').count()).toBe(0)
      for (const [criterion, presses] of [['exemplary', 1], ['innovative', 2], ['replicable', 0]] as const) {
        // The first radio of the group: Space picks 1, each arrow one more.
        await tabTo(page, el => el.id === `score-${criterion}`)
        await page.keyboard.press('Space')
        for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowRight')
        await tabTo(page, el => el.id === `comment-${criterion}`)
        await page.keyboard.type(`甲专家对这一项的意见：做法清楚。`)
      }
      await tabTo(page, el => el.text === '交上评分')
      await page.keyboard.press('Enter')
      // The question has the focus; the next stop is "yes".
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('confirm-step__question')
      await tabTo(page, el => el.text === '确定交上')
      await page.keyboard.press('Enter')
      await page.locator('#review-others').waitFor()
      const others = await page.locator('section[aria-labelledby="review-others"]').textContent()
      expect(others).toContain('乙专家的示范性意见')
      const mine = await page.locator('section[aria-labelledby="review-mine"]').textContent()
      expect(mine).toContain('示范性：2 分')
      expect(mine).toContain('创新性：3 分')
      expect(mine).toContain('可推广性：1 分')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    }
    finally {
      await context.close()
    }

    // The admin sees the weighted mean and the spread (weights 40/30/30: 5.00 and 2.00 → mean 3.50, spread 3.00, flagged).
    const view = (await admin.get(`/api/admin/cases/${caseId}`)).json
    expect(view.weightedMean).toBeCloseTo(3.5, 5)
    expect(view.spread).toBeCloseTo(3, 5)
    const adminAgain = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
    await adminAgain.addCookies([{ name, value, url: baseURL }])
    try {
      const page = await adminAgain.newPage()
      await page.goto(new URL(`/admin/cases/${caseId}`, baseURL).href)
      const scores = await page.locator('section[aria-labelledby="scores-title"]').textContent()
      expect(scores).toContain('3.50')
      expect(scores).toContain('3.00')
      expect(scores).toContain('分歧大')
    }
    finally {
      await adminAgain.close()
    }
  })
})
