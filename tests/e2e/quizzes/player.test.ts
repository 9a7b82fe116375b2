import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { QuizItemFile } from '#shared/quizzes/content'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { hydrated } from '../helpers'

const baseURL = inject('baseURL')
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const root = join(process.cwd(), 'content/quiz/items')
const bank = new Map<string, QuizItemFile>(readdirSync(root).flatMap(d => readdirSync(join(root, d)).map(f => parse(readFileSync(join(root, d, f), 'utf8')) as QuizItemFile)).map(i => [i.id, i]))

/** Tabs until the focused element's text matches, then presses the key: a keyboard user. */
async function tabTo(page: Page, match: (text: string) => boolean, key = 'Enter') {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim())
    if (match(focused)) return page.keyboard.press(key)
  }
  throw new Error('no such focusable element')
}
const exactly = (label: string) => (text: string) => text === label

describe('the quiz player', () => {
  it('takes a whole quiz by keyboard in zh-CN elder mode at 360 px, red flags included, to a result in plain words', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 780 })
    try {
      const page = await context.newPage()
      await page.goto(new URL('/quiz/elder-anti-fraud', baseURL).href)
      await hydrated(page)
      await tabTo(page, exactly('开始测验'))
      await page.waitForURL('**/play')
      let flagsDone = 0
      for (let n = 1; n <= 12; n++) {
        await page.locator(`.quiz-item h2:text("第 ${n} 题，共 12 题")`).waitFor()
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
        const item = bank.get((await page.locator('.quiz-item').getAttribute('data-item'))!)!
        const isScam = item.type !== 'genuine'
        await tabTo(page, exactly(isScam ? '是诈骗' : '不是诈骗'))
        await expect.poll(() => page.locator('#quiz-said').textContent()).toContain(isScam ? '答对了，这是诈骗' : '答对了，这是真的')
        if (item.kind === 'flags') {
          for (const part of item.screen.parts.filter(p => p.flag)) await tabTo(page, text => text.startsWith(part.text.zh.replace(/\s+/g, ' ').trim()), 'Space')
          await expect(page.locator('.quiz-part__toggle[aria-pressed="true"]').count()).resolves.toBe(item.screen.parts.filter(p => p.flag).length)
          await tabTo(page, exactly('我找好了'))
          await expect.poll(() => page.locator('#quiz-said').textContent()).toMatch(/您找到了 (\d+) 处/)
          await expect(page.locator('.quiz-part__flag').count()).resolves.toBeGreaterThan(0)
          flagsDone++
        }
        if (item.kind === 'action') {
          await tabTo(page, text => text === item.options![item.answer!]!.text.zh.replace(/\s+/g, ' ').trim())
          await expect.poll(() => page.locator('#quiz-said').textContent()).toContain('这样做最稳妥')
        }
        await expect.poll(() => page.locator('.quiz-explain').textContent()).toContain(item.todo.zh.slice(0, 10))
        await tabTo(page, exactly(n === 12 ? '看结果' : '下一题'))
      }
      expect(flagsDone).toBeGreaterThanOrEqual(2)
      await page.waitForURL('**/result/**')
      await expect.poll(() => page.locator('#quiz-result').textContent()).toContain('8 个骗局，您识破了 8 个')
      await expect(page.locator('#quiz-result').textContent()).resolves.toContain('4 条真实消息里，您误判了 0 条')
      expect(await page.locator('#quiz-result').textContent(), 'no d′ or c for residents').not.toMatch(/d′|倾向 c/)
      await expect(page.getByRole('link', { name: '加到日历' }).getAttribute('href')).resolves.toContain('/retake.ics')
    }
    finally {
      await context.close()
    }
  })

  it('prints the paper version: the questions, then the answers on their own page, without the site menu', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false }, { width: 800, height: 1000 })
    try {
      const page = await context.newPage()
      await page.goto(new URL('/quiz/elder-anti-fraud/print', baseURL).href)
      await page.waitForURL(/print\?seed=\d+/)
      await page.emulateMedia({ media: 'print' })
      await expect(page.locator('.site-header').isVisible()).resolves.toBe(false)
      await expect(page.locator('.quiz-sheet__screen').isVisible()).resolves.toBe(false)
      await expect(page.locator('.quiz-sheet__page').count()).resolves.toBe(2)
      await expect(page.locator('.quiz-sheet__page').nth(1).evaluate(e => getComputedStyle(e).breakBefore)).resolves.toBe('page')
      await expect(page.locator('.quiz-sheet__page').nth(0).locator('.quiz-phone').count()).resolves.toBe(12)
      const pdf = await page.pdf({ format: 'A4' })
      expect(pdf.length).toBeGreaterThan(10_000)
    }
    finally {
      await context.close()
    }
  })
})
