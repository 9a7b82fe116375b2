import AxeBuilder from '@axe-core/playwright'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const organizer = new ApiClient(baseURL)
const admin = new ApiClient(baseURL)
let browser: Browser

beforeAll(async () => {
  await organizer.login('organizer@demo.local')
  await admin.login('admin@demo.local')
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function checkedInBooking() {
  const { id, slug } = await publishedEvent(organizer)
  const booked = await new ApiClient(baseURL).post(`/api/events/${slug}/registrations`, { phone: mobile(), name: '刘桂兰', partySize: 1, consent: true })
  expect(booked.status).toBe(201)
  return { id, code: booked.json.code as string, token: booked.json.ticketToken as string }
}

describe('feedback after an event', () => {
  it('opens after check-in, queues its text for the end, takes one answer per booking and masks numbers for the organiser', async () => {
    const { id, code, token } = await checkedInBooking()
    const resident = new ApiClient(baseURL)
    const answer = { overall: 4, learned: 'some', wants: ['mobile-payment', 'staying-safe'], comment: '老师很耐心。我的电话 139 1234 5678，身份证120101195003071234' }
    expect((await resident.get(`/api/tickets/${token}/feedback`)).json.state).toBe('not-checked-in')
    expect((await resident.post(`/api/tickets/${token}/feedback`, answer)).status).toBe(409)

    expect((await organizer.post(`/api/organizer/events/${id}/check-ins`, { code })).status).toBe(200)
    const texts = (await organizer.get(`/api/organizer/events/${id}/notifications`)).json.items
    const invite = texts.find((n: { kind: string }) => n.kind === 'feedback')
    expect(invite).toMatchObject({ status: 'pending', code })
    const detail = (await organizer.get(`/api/organizer/events/${id}`)).json
    expect(invite.sendAfter).toBe(detail.endsAt)

    expect((await resident.get(`/api/tickets/${token}/feedback`)).json.state).toBe('open')
    expect((await resident.post(`/api/tickets/${token}/feedback`, { ...answer, overall: 6 })).status).toBe(422)
    expect((await resident.post(`/api/tickets/${token}/feedback`, { ...answer, wants: ['not-a-topic'] })).status).toBe(422)
    expect((await resident.post(`/api/tickets/${token}/feedback`, answer)).status).toBe(201)
    const again = await resident.post(`/api/tickets/${token}/feedback`, answer)
    expect(again.status).toBe(409)
    expect(again.json.data.reason).toBe('answered')
    expect((await resident.get(`/api/tickets/${token}/feedback`)).json.state).toBe('answered')
    expect((await resident.get(`/api/tickets/${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}/feedback`)).status).toBe(404)

    const results = (await organizer.get(`/api/organizer/events/${id}/feedback`)).json
    expect(results).toMatchObject({ count: 1, paper: 0, average: 4, learned: { yes: 0, some: 1, no: 0 } })
    expect(results.overall).toEqual([0, 0, 0, 1, 0])
    expect(results.comments[0].text).toBe('老师很耐心。我的电话 [手机号]，身份证[身份证号]')
    // Residents never read the comments.
    expect((await resident.get(`/api/organizer/events/${id}/feedback`)).status).toBe(401)

    // A paper form with that booking's code is refused; one without a code is kept, and audited.
    expect((await organizer.post(`/api/organizer/events/${id}/feedback`, { overall: 5, learned: 'yes', registrationCode: code })).status).toBe(409)
    expect((await organizer.post(`/api/organizer/events/${id}/feedback`, { overall: 5, learned: 'yes', registrationCode: 'ACEFGH' })).status).toBe(422)
    expect((await organizer.post(`/api/organizer/events/${id}/feedback`, { overall: 5, learned: 'yes', comment: '纸质表' })).status).toBe(201)
    expect((await organizer.get(`/api/organizer/events/${id}/feedback`)).json).toMatchObject({ count: 2, paper: 1, average: 4.5 })
    const audit = await admin.get('/api/admin/audit?action=event.feedback-paper&pageSize=100')
    expect(audit.json.items.filter((e: { targetId: string }) => e.targetId === id)).toHaveLength(1)

    // The statistics and the open data carry the feedback tables; no comment ever reaches them.
    const statistics = await fetch(`${baseURL}/api/statistics`).then(r => r.json()) as { sections: { feedback?: { tables: Array<{ id: string }> } } }
    expect(statistics.sections.feedback!.tables.map(x => x.id)).toEqual(['feedback-by-district', 'feedback-by-category', 'feedback-by-audience'])
    const dataPackage = await fetch(`${baseURL}/api/statistics/datapackage.json`).then(r => r.text())
    expect(dataPackage).toContain('feedback-by-district')
    expect(JSON.stringify(statistics)).not.toContain('老师很耐心')
  })

  it('asks one question a screen in elder mode at 360 px, and says what is missing', async () => {
    const { id, code, token } = await checkedInBooking()
    expect((await organizer.post(`/api/organizer/events/${id}/check-ins`, { code })).status).toBe(200)
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 740 })
    try {
      const page = await context.newPage()
      await page.goto(new URL(`/feedback/${token}`, baseURL).href, { waitUntil: 'networkidle' })
      expect(await page.locator('fieldset').count()).toBe(1)
      expect(await page.locator('fieldset legend').textContent()).toContain('满意')
      await page.getByRole('button', { name: '下一题' }).click()
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('请选择')
      await page.getByLabel('😀 很满意').check()
      await page.getByRole('button', { name: '下一题' }).click()
      await expect.poll(() => page.locator('fieldset legend').textContent()).toContain('学到了能用的东西吗')
      await page.getByLabel('学到了，用得上').check()
      await page.getByRole('button', { name: '下一题' }).click()
      await page.getByLabel('上网安全').check()
      await page.getByRole('button', { name: '下一题' }).click()
      await page.fill('#feedback-comment', '希望多办几次')
      await page.getByRole('button', { name: '提交' }).click()
      await expect.poll(() => page.getByRole('status').textContent()).toContain('谢谢您')
      const results = (await organizer.get(`/api/organizer/events/${id}/feedback`)).json
      expect(results).toMatchObject({ count: 1, overall: [0, 0, 0, 0, 1], learned: { yes: 1 }, wants: [{ topic: 'staying-safe', count: 1 }] })
    }
    finally {
      await context.close()
    }
  })
  it('shows all four questions at once otherwise, in English too, without serious accessibility problems', async () => {
    const { id, code, token } = await checkedInBooking()
    expect((await organizer.post(`/api/organizer/events/${id}/check-ins`, { code })).status).toBe(200)
    for (const lang of ['zh-CN', 'en'] as const) {
      const context = await contextFor(browser, baseURL, { lang, elder: false }, { width: 360, height: 740 })
      try {
        const page = await context.newPage()
        await page.goto(new URL(`/feedback/${token}`, baseURL).href, { waitUntil: 'networkidle' })
        expect(await page.locator('fieldset').count()).toBe(3)
        expect(await page.locator('textarea#feedback-comment').count()).toBe(1)
        const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
        expect(axe.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)).toEqual([])
        expect(await page.locator('h1').textContent()).toBe(lang === 'en' ? 'Tell us how it was' : '说说您的感受')
      }
      finally {
        await context.close()
      }
    }
  })
  it('prints the paper form alone: the four questions with boxes, without the staff menu', async () => {
    const { id } = await publishedEvent(organizer)
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
    const [name, value] = organizer.cookie.split(/=(.*)/s) as [string, string]
    await context.addCookies([{ name, value, url: baseURL }])
    try {
      const page = await context.newPage()
      await page.goto(new URL(`/organizer/events/${id}/feedback-form`, baseURL).href, { waitUntil: 'networkidle' })
      await page.emulateMedia({ media: 'print' })
      const sheet = page.locator('article.feedback-sheet')
      expect(await sheet.isVisible()).toBe(true)
      expect(await sheet.locator('ol.feedback-sheet__questions > li').count()).toBe(4)
      expect(await sheet.textContent()).toContain('学到了能用的东西吗')
      expect(await sheet.textContent()).toContain('很满意')
      expect(await page.locator('.organizer-nav').isVisible()).toBe(false)
      expect(await page.getByRole('button', { name: '打印评价表' }).isVisible()).toBe(false)
    }
    finally {
      await context.close()
    }
  })
})
