import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { KnowledgeQuestionFile } from '../../../shared/contest/content'
import { contextFor, launchBrowser } from '../../support/browser'
import { hydrated } from '../helpers'

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
      expect(await page.inputValue('#contest-team')).toBe('hexi')
      await page.fill('#contest-nickname', '河西老李')
      await page.getByRole('button', { name: '开始答题' }).click()
      await page.waitForURL('**/play/**')
      for (let n = 1; n <= 10; n++) {
        await page.locator(`#contest-item-title:text("第 ${n} 题，共 10 题")`).waitFor()
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
        const legend = (await page.locator('legend.quiz-question').first().textContent())!.trim()
        const q = questions.get(legend)
        if (q) await page.getByRole('button', { name: q.options[q.answer]!.zh, exact: true }).click()
        else await page.getByRole('button', { name: '是诈骗', exact: true }).click()
        await page.locator('#contest-said').waitFor()
        await page.getByRole('button', { name: '下一题' }).click()
      }
      await page.locator('#contest-done').waitFor()
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
})
