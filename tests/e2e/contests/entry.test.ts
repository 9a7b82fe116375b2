import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { KnowledgeQuestionFile } from '#shared/contests/content'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { hydrated } from '../helpers'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const dir = join(process.cwd(), 'content/contest/questions')
const questions = new Map(readdirSync(dir).map(f => parse(readFileSync(join(dir, f), 'utf8')) as KnowledgeQuestionFile).map(q => [q.question.zh, q]))

describe('taking part in the knowledge contest', () => {
  it('proves the number, enters for a district with a nickname, answers every question and finds the nickname on the leaderboard (zh-CN elder, 360 px)', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 800 })
    try {
      const page = await context.newPage()
      await page.goto(new URL('/contests/week-knowledge-contest', baseURL).href)
      await hydrated(page)
      await page.locator('#verify-phone').scrollIntoViewIfNeeded()
      await page.fill('#verify-phone', '13955556666')
      await page.getByRole('button', { name: '发送验证码' }).click()
      await page.locator('#verify-code').waitFor()
      const code = /\d{6}/.exec(await page.getByText('演示环境').locator('..').textContent() ?? '')![0]
      await page.fill('#verify-code', code)
      await page.getByRole('button', { name: '确认', exact: true }).click()
      await page.locator('#contest-team').waitFor()
      // A nickname with a phone number in it is refused, and what was typed stays.
      await page.selectOption('#contest-team', 'hexi')
      await page.fill('#contest-nickname', '老李13955556666')
      await page.getByRole('button', { name: '开始答题' }).click()
      await page.locator('#contest-nickname-error').waitFor()
      expect(await page.locator('#contest-nickname-error').textContent()).toContain('5 个或更多连在一起的数字')
      // Full-width digits are digits too, and an insult says so.
      for (const [nickname, says] of [['老李１３９５５', '5 个或更多连在一起的数字'], ['你是傻逼', '骂人的话']]) {
        await page.fill('#contest-nickname', nickname!)
        await page.getByRole('button', { name: '开始答题' }).click()
        await expect.poll(() => page.locator('#contest-nickname-error').textContent()).toContain(says)
      }
      expect(await page.inputValue('#contest-team')).toBe('hexi')
      await page.fill('#contest-nickname', '河西老李')
      await page.getByRole('button', { name: '开始答题' }).click()
      await page.waitForURL('**/play/**')
      for (let n = 1; n <= 10; n++) {
        if (n === 4) {
          // A reload keeps the progress: the secret stays in this browser.
          await page.reload()
          await hydrated(page)
        }
        await page.locator(`#contest-item-title:text("第 ${n} 题，共 10 题")`).waitFor()
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
        const legend = (await page.locator('legend.quiz-question').first().textContent())!.trim()
        // Every item is one of the contest's own questions.
        const q = questions.get(legend)!
        await page.getByRole('button', { name: q.options[q.answer]!.zh, exact: true }).click()
        await page.locator('#contest-said').waitFor()
        await page.getByRole('button', { name: '下一题' }).click()
      }
      await page.locator('#contest-done').waitFor()
      // Another browser with the same address (no secret) cannot carry on, and sees why.
      const other = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
      try {
        const elsewhere = await other.newPage()
        await elsewhere.goto(page.url())
        await hydrated(elsewhere)
        await elsewhere.getByRole('heading', { name: '在这里接着答不了' }).waitFor()
        expect(await elsewhere.locator('#contest-item-title').count()).toBe(0)
      }
      finally {
        await other.close()
      }
      await page.getByRole('link', { name: '看排行榜' }).click()
      await page.waitForURL('**/contests/week-knowledge-contest')
      await expect(page.locator('#board-title ~ ol').last().textContent()).resolves.toContain('河西老李')
      expect(await page.locator('main').textContent()).not.toContain('13955556666')
    }
    finally {
      await context.close()
    }
  })

  it('keeps the number and says so when the form\'s checks cannot be fetched (the connection dropped)', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false }, { width: 360, height: 800 })
    try {
      const page = await context.newPage()
      await page.goto(new URL('/contests/week-knowledge-contest', baseURL).href)
      await hydrated(page)
      // From here on no more code arrives: the schemas load on first use, so sending has to cope.
      await page.route('**/_nuxt/**', route => route.abort('internetdisconnected'))
      await page.fill('#verify-phone', '13955557777')
      await page.getByRole('button', { name: '发送验证码' }).click()
      await expect.poll(() => page.locator('.error-summary__list').textContent(), { timeout: 10_000 }).toContain('出了点问题，请再试一次')
      expect(await page.inputValue('#verify-phone')).toBe('13955557777')
      // Back online, the same press goes through.
      await page.unroute('**/_nuxt/**')
      await page.getByRole('button', { name: '发送验证码' }).click()
      await page.locator('#verify-code').waitFor()
    }
    finally {
      await context.close()
    }
  })

  it('the organizer\'s edit form starts from the saved topics, and says which settings entries have fixed', async () => {
    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    const body = {
      slug: 'form-topics-contest', title: { zh: '表单测试', en: 'Form test' }, rules: { zh: '规则', en: 'Rules' },
      opensAt: new Date(Date.now() - 3_600_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      questionsPerEntry: 5, teamKind: 'district', leaderboard: 'live', topics: ['fraud'],
    }
    const made = await admin.post('/api/organizer/contests', body)
    expect(made.status).toBe(201)
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
    try {
      const [name, value] = admin.cookie.split(/=(.*)/s) as [string, string]
      await context.addCookies([{ name, value, url: baseURL }])
      const page = await context.newPage()
      await page.goto(new URL(`/organizer/contests/${made.json.id}`, baseURL).href)
      await hydrated(page)
      const boxes = page.locator('#c-topics input[type=checkbox]')
      const ticked = await boxes.evaluateAll(inputs => (inputs as HTMLInputElement[]).filter(i => i.checked).map(i => i.value))
      expect(ticked).toEqual(['fraud'])
      // No quiz-item switch to turn on unseen: contests draw only their own questions.
      expect(await boxes.count()).toBe(4)
      // A resident enters; changing the topics is then refused beside the field.
      const { demoCode } = (await admin.post('/api/verifications', { phone: '13955558888', purpose: 'contest-entry' })).json
      const { verificationToken } = (await admin.post('/api/verifications/confirm', { phone: '13955558888', purpose: 'contest-entry', code: demoCode })).json
      expect((await admin.post('/api/contests/form-topics-contest/entries', { verificationToken, phone: '13955558888', team: 'heping', nickname: '表单测试人' })).status).toBe(201)
      await page.locator('#c-topics input[value="safe-payment"]').check()
      await page.getByRole('button', { name: '保存' }).click()
      await expect.poll(() => page.locator('#c-topics-error').textContent()).toContain('已经有人参加')
      expect((await admin.get(`/api/organizer/contests/${made.json.id}`)).json.topics).toEqual(['fraud'])
    }
    finally {
      await context.close()
    }
  })
})
