import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { contextFor, launchBrowser, type Mode } from '~~/tests/support/browser'
import { root } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'
import { hydrated } from '../helpers'

/**
 * The statistics pages in Chromium: every chart is a figure with a caption, a sentence in words
 * and its table; the charts are SVG drawn on the server, so no chart code reaches the browser,
 * not even after a language switch; the week's report prints on A4 with its date, sources and rule.
 */

const baseURL = inject('baseURL')
/** Written only by the server's renderer (server/statistics/charts/bar-chart.ts) on a suppressed cell's stub. */
const RENDERER_MARKER = 'statistics-chart__suppressed'

let browser: Browser
let adminCookie = ''
beforeAll(async () => {
  browser = await launchBrowser()
  const admin = new ApiClient(baseURL)
  await admin.login('admin@demo.local')
  adminCookie = admin.cookie
})
afterAll(async () => {
  await browser?.close()
})

async function open(path: string, mode: Mode, options: { admin?: boolean, width?: number } = {}) {
  const context = await contextFor(browser, baseURL, mode, { width: options.width ?? 1280, height: 900 })
  if (options.admin) {
    const [name, ...value] = adminCookie.split('=')
    await context.addCookies([{ name: name!, value: value.join('='), url: baseURL }])
  }
  const page = await context.newPage()
  const scripts: Promise<string>[] = []
  page.on('response', (res) => {
    if (/\.m?js(\?|$)/.test(new URL(res.url()).pathname)) scripts.push(res.body().then(b => b.toString('utf8'), () => ''))
  })
  const res = await page.goto(new URL(path, baseURL).href, { waitUntil: 'networkidle' })
  expect(res?.status(), path).toBe(200)
  await hydrated(page)
  return { context, page, scripts: () => Promise.all(scripts) }
}

/** Each figure: has it a caption, a summary sentence, an SVG chart with a name, and a table with rows? */
async function figures(page: Page) {
  return page.locator('figure.statistics-figure').evaluateAll(list => list.map(f => ({
    id: f.getAttribute('aria-labelledby'),
    caption: f.querySelector('figcaption h3')?.textContent?.trim() ?? '',
    summary: f.querySelector('.statistics-figure__summary')?.textContent?.trim() ?? '',
    chart: !!f.querySelector('svg[role="img"]'),
    chartName: f.querySelector('svg[role="img"] > title')?.textContent ?? '',
    tableRows: f.querySelectorAll('table tbody tr').length,
  })))
}

describe('the public statistics page', () => {
  let context: BrowserContext
  afterAll(async () => context?.close())

  it('shows every table of the API as a figure: caption, summary in words, chart, and its table', async () => {
    const api = await (await fetch(new URL('/api/statistics', baseURL))).json()
    const tables = Object.values(api.sections as Record<string, { tables: Array<{ id: string, rows: unknown[], totals: unknown, chart: { kind: string } }> }>).flatMap(s => s.tables)
    expect(tables.length).toBeGreaterThan(3)
    const opened = await open('/statistics', { lang: 'zh-CN', elder: false })
    context = opened.context
    const shown = await figures(opened.page)
    expect(shown.map(f => f.id)).toEqual(tables.map(t => `figure-${t.id}`))
    for (const [i, f] of shown.entries()) {
      const rows = tables[i]!.rows.length
      const drawn = tables[i]!.chart.kind !== 'none' && rows > 0
      expect(f.caption, f.id!).not.toBe('')
      // A table with no rows yet says so in its sentence instead.
      expect(f.tableRows, `${f.id} has its table`).toBe(rows ? rows + (tables[i]!.totals ? 1 : 0) : 0)
      if (!rows) expect(f.summary).not.toBe('')
      expect(f.chart, `${f.id} has a chart`).toBe(drawn)
      if (drawn) {
        expect(f.summary, `${f.id} has a summary`).toMatch(/[。]$/)
        expect(f.chartName).toBe(f.caption)
      }
    }
    // The small-count rule is stated, and a "<10" cell is drawn as a labelled stub.
    await expect(opened.page.locator('.statistics-rule').innerText()).resolves.toContain('<10')
    expect(await opened.page.locator(`.${RENDERER_MARKER}`).count()).toBeGreaterThan(0)
  })

  it('opens with the year in words; the privacy rule is behind a link, and no headline figure is a bare "c"', async () => {
    const api = await (await fetch(new URL('/api/statistics', baseURL))).json()
    const html = await (await fetch(new URL('/statistics', baseURL), { headers: { cookie: 'lang=zh-CN' } })).text()
    const main = html.slice(html.indexOf('<main'))
    const firstH2 = /<h2[^>]*>([^<]*)<\/h2>/.exec(main)![1]!.trim()
    expect(firstH2).toBe('一句话看懂')
    expect(main).toContain(`全市办了 ${api.sections.events.figures.find((f: { id: string }) => f.id === 'events').value} 场活动`)
    expect(main).toMatch(/一次报名可以带家人/)
    expect(main).toMatch(/href="#statistics-rule-title"/)
    // The rule comes after the figures, not before them.
    expect(main.indexOf('id="statistics-rule-title"')).toBeGreaterThan(main.indexOf('statistics-figures'))
    expect(main).not.toMatch(/<dd[^>]*>\s*c\s*<\/dd>/)
  })

  it('sends the figures once: as HTML, not again in the page\'s payload', async () => {
    const payloadOf = async (path: string) => {
      const html = await (await fetch(new URL(path, baseURL))).text()
      return { html, payload: html.match(/<script[^>]*id="__NUXT_DATA__"[^>]*>([\s\S]*?)<\/script>/)?.[1] ?? '' }
    }
    const { html, payload } = await payloadOf('/statistics')
    expect(html).toContain('<svg')
    expect(payload).not.toContain('svg')
    // What every page carries (the city's profile, for the header and footer), and the period line: no tables.
    const home = await payloadOf('/')
    expect(payload.length, 'payload characters beyond the home page\'s').toBeLessThan(home.payload.length + 1500)
  })

  it('keeps the table one click away, in a <details> that needs no code', async () => {
    const page = (await open('/statistics', { lang: 'en', elder: true }, { width: 360 })).page
    const details = page.locator('.statistics-figure__details').first()
    await expect(details.locator('table').isVisible()).resolves.toBe(false)
    await details.locator('summary').click()
    await expect(details.locator('table').isVisible()).resolves.toBe(true)
    // The chart keeps the page's text size: no horizontal scrolling at 360 px in elder mode.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.context().close()
  })

  it('runs no chart code: none is fetched, even when the language changes and the charts are drawn again', async () => {
    const { page, scripts, context: ctx } = await open('/statistics', { lang: 'zh-CN', elder: false })
    try {
      await page.locator('.prefs-lang__item', { hasText: 'English' }).click()
      await expect.poll(() => page.locator('svg[role="img"] > title').first().textContent(), { timeout: 15_000 }).not.toMatch(/[\u4E00-\u9FFF]/)
      const bodies = await scripts()
      expect(bodies.length).toBeGreaterThan(0)
      expect(bodies.filter(b => b.includes(RENDERER_MARKER) || b.includes('data-pattern'))).toEqual([])
    }
    finally {
      await ctx.close()
    }
  })

  it('the marker is the renderer\'s, and only the server bundle carries it (control)', () => {
    const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter(f => f.isFile() && /\.m?js$/.test(f.name)).map(f => readFileSync(join(f.parentPath, f.name), 'utf8'))
    expect(files(join(root, '.output/server')).some(b => b.includes(RENDERER_MARKER))).toBe(true)
    expect(files(join(root, '.output/public')).filter(b => b.includes(RENDERER_MARKER))).toEqual([])
  })

  it('prints the charts with their patterns and every table, without the site menu', async () => {
    const { page, context: ctx } = await open('/statistics', { lang: 'zh-CN', elder: false })
    try {
      await page.emulateMedia({ media: 'print' })
      await expect(page.locator('.site-nav').isVisible()).resolves.toBe(false)
      expect(await page.locator('svg pattern[data-pattern]').count()).toBeGreaterThan(0)
      const hiddenTables = await page.locator('.statistics-figure table').evaluateAll(ts => ts.filter(t => t.getBoundingClientRect().height === 0).length)
      expect(hiddenTables).toBe(0)
    }
    finally {
      await ctx.close()
    }
  })
})

describe('the admin statistics and the week\'s monitoring report', () => {
  it('the admin page has the operational figures beside the same charts', async () => {
    const { page, context } = await open('/admin/statistics', { lang: 'zh-CN', elder: false }, { admin: true })
    try {
      await expect(page.locator('#statistics-operational-title').isVisible()).resolves.toBe(true)
      for (const f of await figures(page)) {
        expect(f.tableRows > 0 || f.summary !== '', `${f.id}: its table, or a sentence saying there is nothing yet`).toBe(true)
        if (f.chart) expect(f.summary, `${f.id} has a summary`).not.toBe('')
      }
    }
    finally {
      await context.close()
    }
  })

  it('prints on A4: dated, with its sources and the rule, every table open, no menus or buttons', async () => {
    const { page, context } = await open('/admin/statistics/report', { lang: 'zh-CN', elder: false }, { admin: true })
    try {
      const text = await page.locator('.statistics-report').innerText()
      expect(text).toMatch(/报告日期：\d{4}年\d{1,2}月\d{1,2}日/)
      expect(text).toContain('数据来源')
      await expect(page.locator('.statistics-rule').innerText()).resolves.toContain('<10')
      await page.emulateMedia({ media: 'print' })
      for (const hidden of ['.site-header', '.organizer-nav', '.statistics-screen-only']) {
        await expect(page.locator(hidden).first().isVisible(), hidden).resolves.toBe(false)
      }
      expect(await page.locator('.statistics-report details').count()).toBe(0)
      // Every figure has its table open, but one with no rows yet, which says so instead.
      const shown = await figures(page)
      expect(shown.filter(f => f.tableRows === 0).map(f => f.summary).filter(s => s !== '还没有数字。')).toEqual([])
      expect(await page.locator('.statistics-report figure table').evaluateAll(ts => ts.filter(t => t.getBoundingClientRect().height === 0).length)).toBe(0)
      const pdf = await page.pdf({ format: 'A4' })
      expect(pdf.length).toBeGreaterThan(20_000)
    }
    finally {
      await context.close()
    }
  })
})
