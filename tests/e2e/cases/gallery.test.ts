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

const json = async (path: string) => (await fetch(new URL(path, baseURL))).json()

/** The images a screen reader meets in <main>, with the names it reads out (from the accessibility tree). */
async function imageNames(page: Page): Promise<string[]> {
  const snapshot = await page.locator('main').ariaSnapshot()
  return [...snapshot.matchAll(/^\s*- img(?: "((?:[^"\\]|\\.)*)")?/gm)].map(m => JSON.parse(`"${m[1] ?? ''}"`) as string)
}

describe('the case gallery as a screen reader reads it', () => {
  it('names every picture of the gallery with its alt text from the API', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: false })
    try {
      const page = await context.newPage()
      const list = await json('/api/cases?pageSize=12')
      const expected = (list.items as { cover: { alt: string } | null }[]).flatMap(c => (c.cover ? [c.cover.alt] : []))
      expect(expected.length, 'the demo gallery has pictures').toBeGreaterThan(0)
      await page.goto(new URL('/cases', baseURL).href)
      await hydrated(page)
      expect(await page.locator('main img').count()).toBe(expected.length)
      const names = await imageNames(page)
      expect(names).toEqual(expected)
      expect(names.every(n => n.trim().length > 0)).toBe(true)
    }
    finally {
      await context.close()
    }
  })

  it('names every picture of a case page, loads all but the first lazily, and offers WebP with a JPEG fallback', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 800 })
    try {
      const page = await context.newPage()
      const list = await json('/api/cases?call=last-year-case-call&pageSize=48')
      const slug = (list.items as { slug: string, awarded: boolean, cover: unknown }[]).find(c => c.awarded && c.cover)!.slug
      const item = await json(`/api/cases/${slug}`)
      const alts = (item.images as { alt: string }[]).map(i => i.alt)
      expect(alts.length).toBeGreaterThan(0)
      await page.goto(new URL(`/cases/${slug}`, baseURL).href)
      await hydrated(page)
      expect(await imageNames(page)).toEqual(alts)
      const imgs = await page.locator('main picture img').evaluateAll(list => list.map(img => ({
        loading: img.getAttribute('loading'),
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        webp: img.parentElement!.querySelector('source[type="image/webp"]')?.getAttribute('srcset') ?? '',
      })))
      expect(imgs.map(i => i.loading)).toEqual(alts.map((_, i) => (i === 0 ? 'eager' : 'lazy')))
      expect(imgs.every(i => Number(i.width) > 0 && Number(i.height) > 0 && /\.webp \d+w/.test(i.webp))).toBe(true)
      // The awarded label and the results, in plain words.
      await expect(page.locator('main').textContent()).resolves.toContain('优秀案例')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    }
    finally {
      await context.close()
    }
  })
})
