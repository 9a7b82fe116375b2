import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { simulationNames, type SimulationName } from '#shared/courses/simulations'
import { contextFor, launchBrowser, modeName, modes } from '~~/tests/support/browser'
import { hydrated } from '../helpers'

/**
 * Each simulation, on the lesson step that embeds it, in zh-CN elder mode at 360 px:
 * done once by clicks and once by keyboard alone, with the first and second wrong-tap
 * help, and axe on the step as it starts, with the help showing, and when done.
 */

const baseURL = inject('baseURL')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** The right taps, and two wrong ones on the first screen. */
const runs: Record<SimulationName, { right: string[], wrong: [string, string] }> = {
  'scan-pay': { right: ['scan', 'aim', 'confirm', 'finish', 'scan', 'aim', 'cancel'], wrong: ['transfer', 'bills'] },
  'hospital-booking': { right: ['book', 'h1', 'resp', 'doc2', 't2', 'confirm', 'home', 'mine', 'booking'], wrong: ['payFee', 'reports'] },
  'pension-certification': { right: ['certify', 'self', 'start', 'blink', 'turn', 'finish'], wrong: ['pension', 'card'] },
  'bill-payment': { right: ['topup', 'fill', 'right', 'a50', 'pay', 'finish'], wrong: ['bills', 'credit'] },
  'ride-hailing': { right: ['taxi', 'destination', 'p1', 'call', 'car2', 'finish'], wrong: ['bus', 'train'] },
}

let browser: Browser
let context: BrowserContext
const stepPaths = new Map<SimulationName, string>()

async function json(path: string) {
  const res = await fetch(new URL(path, baseURL))
  expect(res.status, path).toBe(200)
  return res.json()
}

beforeAll(async () => {
  // The first lesson step of any course that embeds each simulation.
  for (const course of (await json('/api/courses')).items) {
    for (const lesson of (await json(`/api/courses/${course.slug}`)).lessons) {
      const { steps } = await json(`/api/courses/${course.slug}/lessons/${lesson.slug}`)
      steps.forEach((step: { simulation: SimulationName | null }, i: number) => {
        if (step.simulation && !stepPaths.has(step.simulation)) stepPaths.set(step.simulation, `/courses/${course.slug}/${lesson.slug}/${i + 1}`)
      })
    }
  }
  browser = await launchBrowser()
  context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 800 })
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

async function open(name: SimulationName, on = context): Promise<Page> {
  const path = stepPaths.get(name)
  expect(path, `a lesson step embeds ${name}`).toBeDefined()
  const page = await on.newPage()
  await page.goto(new URL(path!, baseURL).href, { waitUntil: 'load' })
  await hydrated(page)
  await page.locator('.sim').waitFor()
  return page
}

const button = (page: Page, action: string) => page.locator(`.sim button[data-action="${action}"]`)
const status = (page: Page) => page.locator('.sim [role="status"]')

/** The name a screen reader gives the button, without the "tap here" tag (aria-hidden) and the detail line. */
function labelOf(page: Page, action: string) {
  return button(page, action).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.sim-tap__here, .sim-muted').forEach(n => n.remove())
    return copy.textContent!.trim()
  })
}

async function axe(page: Page, when: string) {
  const { violations } = await new AxeBuilder({ page }).include('.sim').withTags(AXE_TAGS).analyze()
  expect(violations.map(v => `${when}: ${v.id} ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** Presses Tab until the button for `action` has the focus, then Enter: the keyboard alone. */
async function press(page: Page, action: string, key: 'Enter' | 'Space') {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(a => document.activeElement?.getAttribute('data-action') === a, action)) {
      await page.keyboard.press(key)
      return
    }
  }
  throw new Error(`Tab never reached the button for ${action}`)
}

describe.each(simulationNames)('%s, zh-CN elder at 360 px', (name) => {
  const run = runs[name]

  it('by clicks: a first wrong tap explains, a second outlines and names the right button; then done', async () => {
    const page = await open(name)
    await axe(page, 'start')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    expect(await page.locator('.sim a').count()).toBe(0)

    expect(await page.locator('.sim__count').textContent()).toMatch(/^\s*练习 第 1 步，共 \d+ 步\s*$/)
    await button(page, run.wrong[0]).click()
    const first = await status(page).textContent()
    expect(first!.trim()).not.toBe('')
    expect(await page.locator('.sim .is-hinted').count()).toBe(0)
    // The same help shows right under the tapped button, on screen.
    const help = page.locator(`.sim-tap-wrap:has(> button[data-action="${run.wrong[0]}"]) > .sim-tap__help`)
    await expect.poll(() => help.textContent()).toContain(first!.trim())
    const tapped = (await button(page, run.wrong[0]).boundingBox())!
    const shown = (await help.boundingBox())!
    expect(shown.y - (tapped.y + tapped.height)).toBeLessThan(24)
    expect(shown.y).toBeGreaterThanOrEqual(0)
    expect(shown.y + shown.height).toBeLessThanOrEqual(page.viewportSize()!.height)
    expect(await page.locator('.sim-tap__help').count()).toBe(1)

    await button(page, run.wrong[1]).click()
    await expect.poll(() => status(page).textContent()).toContain(`「${await labelOf(page, run.right[0]!)}」`)
    expect(await page.locator('.sim .is-hinted').getAttribute('data-action')).toBe(run.right[0])
    await axe(page, 'help shown')

    for (const action of run.right) await button(page, action).click()
    await expect.poll(() => page.locator('.sim__done').textContent()).toContain('完成了')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('sim__done'))).toBe(true)
    await axe(page, 'done')
    await page.close()
  })

  it('by keyboard alone, the help included, and "重新开始" starts again', async () => {
    const page = await open(name)
    // From the step's heading (where the lesson player puts the focus), Tab goes into the simulation.
    await page.locator('#step-title').focus()
    await press(page, run.wrong[0], 'Enter')
    await press(page, run.wrong[1], 'Space')
    expect(await page.locator('.sim .is-hinted').getAttribute('data-action')).toBe(run.right[0])
    // A wrong tap leaves the focus where it was; the help is read from the live region.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(run.wrong[1])

    for (const action of run.right) {
      await press(page, action, 'Enter')
      // A right tap moves the focus to the next task (or to "done"), from where Tab goes on into the screen.
      await expect.poll(() => page.evaluate(() => document.activeElement?.matches('.sim__task, .sim__done'))).toBe(true)
    }
    await expect.poll(() => page.locator('.sim__done').textContent()).toContain('完成了')

    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('重新开始')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('.sim__task'))).toBe(true)
    expect(await page.locator('.sim__count').textContent()).toContain('第 1 步')
    await page.close()
  })
})

describe('leaving a practice before it is done', () => {
  it('asks on the page first; a second 下一步 goes on, and a finished practice does not ask', async () => {
    const page = await open('scan-pay')
    const at = page.url()
    const next = page.locator('.course-step__next')
    await next.click()
    const ask = page.locator('.course-step__ask')
    await ask.waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('course-step__ask')
    expect(page.url()).toBe(at)
    const box = (await ask.boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height)
    expect((await next.textContent())!.trim()).toBe('不练了，去下一步')

    await page.getByRole('button', { name: '回去接着练' }).click()
    expect(await page.evaluate(() => document.activeElement?.classList.contains('sim__task'))).toBe(true)
    expect(await ask.count()).toBe(0)
    await next.click()
    await ask.waitFor()
    await next.click()
    await page.waitForURL(url => url.href !== at)
    expect(new URL(page.url()).pathname).toMatch(/\/\d+$/)

    await page.goto(at, { waitUntil: 'load' })
    await hydrated(page)
    for (const action of runs['scan-pay'].right) await button(page, action).click()
    await page.locator('.sim__done').waitFor()
    await next.click()
    await page.waitForURL(url => url.href !== at)
    await page.close()
  })
})

describe.each(modes)('in $lang elder=$elder at 320 px', (mode) => {
  let narrow: BrowserContext
  beforeAll(async () => {
    narrow = await contextFor(browser, baseURL, mode, { width: 320, height: 640 })
  })
  afterAll(() => narrow?.close())

  it.each(simulationNames)('%s passes axe as it starts and with the help showing, fits, and has targets of 44 px or more', async (name) => {
    const page = await open(name, narrow)
    const missing: string[] = []
    page.on('console', msg => msg.text().includes('[i18n] missing key') && missing.push(msg.text()))
    await axe(page, `${modeName(mode)} start`)
    for (const action of runs[name].wrong) await button(page, action).click()
    await expect.poll(() => page.locator('.sim .is-hinted').count()).toBe(1)
    await axe(page, `${modeName(mode)} help`)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    const small = await page.locator('.sim button').evaluateAll(els => els
      .map(el => el.getBoundingClientRect())
      .filter(r => r.width < 44 || r.height < 44).length)
    expect(small).toBe(0)
    expect(missing).toEqual([])
    await page.close()
  })
})
