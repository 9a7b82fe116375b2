import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { contextFor, launchBrowser, type Mode } from '~~/tests/support/browser'
import { root } from '~~/tests/support/server'
import { hydrated } from '../helpers'

/**
 * Full-page screenshots for people to look at (test-results/ is git-ignored).
 * Only checks that they were written; nothing is compared.
 */

const baseURL = inject('baseURL')
const outDir = join(root, 'test-results/screenshots')

const shots: { page: string, name: string }[] = [
  { page: '/', name: 'home' },
  { page: '/venues', name: 'venues' },
]
const variants: { mode: Mode, width: number }[] = [
  { mode: { lang: 'zh-CN', elder: false }, width: 1280 },
  { mode: { lang: 'zh-CN', elder: true }, width: 1280 },
  { mode: { lang: 'zh-CN', elder: true }, width: 360 },
  { mode: { lang: 'en', elder: false }, width: 1280 },
]
const fileName = (name: string, v: typeof variants[number]) => `${name}--${v.mode.lang}${v.mode.elder ? '-elder' : ''}--${v.width}.png`

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
  mkdirSync(outDir, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

describe('screenshots', () => {
  it.each(variants)('$mode.lang elder=$mode.elder at $width px', async (variant) => {
    const context = await contextFor(browser, baseURL, variant.mode, { width: variant.width, height: 900 })
    try {
      const page = await context.newPage()
      for (const shot of shots) {
        const file = join(outDir, fileName(shot.name, variant))
        rmSync(file, { force: true })
        const res = await page.goto(new URL(shot.page, baseURL).href, { waitUntil: 'load' })
        expect(res?.status()).toBe(200)
        await hydrated(page)
        await page.evaluate(() => document.fonts.ready)
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' })

        const png = readFileSync(file)
        expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG')
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        expect(png.readUInt32BE(16), `${file} width`).toBe(variant.width)
        expect(png.readUInt32BE(20), `${file} height`).toBeGreaterThanOrEqual(900)
        expect(statSync(file).size, `${file} size`).toBeGreaterThan(20_000)
      }
    }
    finally {
      await context.close()
    }
  })
})
