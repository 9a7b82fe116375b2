import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from '~~/tests/support/browser'
import { hydrated } from '../helpers'

/**
 * The header hydrates on its own once the browser is idle (AppShell), so that it is not part of the
 * page's start-up task. Until then it is server-rendered HTML whose links work as plain links; once
 * live, its links navigate inside the app and mark the current page, as every other link does.
 */

const baseURL = inject('baseURL')
const url = (path: string) => new URL(path, baseURL).href
const navLink = (href: string) => `nav.site-nav a[href="${href}"]`
const menuButton = 'summary.site-menu__button'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** A page in a context of its own (Chinese, 360 px), closed after the test. */
async function withPage(test: (page: Page) => Promise<void>, javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', javaScriptEnabled })
  try {
    await test(await context.newPage())
  }
  finally {
    await context.close()
  }
}

describe('the site header', () => {
  it('works as plain links before any script runs, its menu a native disclosure', () => withPage(async (page) => {
    await page.goto(url('/'), { waitUntil: 'load' })
    // On a phone the menu is folded behind one button, and opens without a script.
    expect(await page.locator(navLink('/events')).isVisible()).toBe(false)
    await page.locator(menuButton).click()
    await page.locator(navLink('/events')).click()
    await page.waitForURL(url('/events'))
    expect(await page.locator('h1').innerText()).not.toBe('')
    // The server marks the current page in the navigation.
    expect(await page.locator(navLink('/events')).getAttribute('aria-current')).toBe('page')
    expect(await page.locator(navLink('/')).getAttribute('aria-current')).toBeNull()
  }, false))

  it('once live, navigates inside the app and moves the current-page mark', () => withPage(async (page) => {
    await page.goto(url('/'), { waitUntil: 'load' })
    await hydrated(page)
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true))

    await page.locator(menuButton).click()
    await page.locator(navLink('/events')).click()
    await page.waitForURL(url('/events'))
    // The menu folds again after the move, so the new page's heading is in view.
    await page.waitForFunction(() => !document.querySelector('details.site-menu')?.hasAttribute('open'))
    await page.waitForFunction(href => document.querySelector(`nav.site-nav a[href="${href}"]`)?.getAttribute('aria-current') === 'page', '/events')
    expect(await page.locator(navLink('/')).getAttribute('aria-current')).toBeNull()

    // A link outside the header (the brand) moves the mark too.
    await page.locator('.site-header__brand').click()
    await page.waitForURL(url('/'))
    await page.waitForFunction(() => document.querySelector('nav.site-nav a[href="/"]')?.getAttribute('aria-current') === 'page')
    expect(await page.locator(navLink('/events')).getAttribute('aria-current')).toBeNull()
    // Neither was a page load.
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true)
  }))

  it('its switches work once live: elder mode at once, the language after its dictionaries arrive', () => withPage(async (page) => {
    await page.goto(url('/events'), { waitUntil: 'load' })
    await hydrated(page)
    await page.locator('#elder-mode').click()
    await page.waitForFunction(() => document.documentElement.classList.contains('elder'))
    await page.locator('.prefs-lang__item', { hasText: 'English' }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    expect(await page.locator('.prefs-lang__item').innerText()).toContain('中文')
    expect(await page.locator(navLink('/events')).textContent()).toMatch(/[A-Za-z]/)
    expect(await page.locator(navLink('/events')).getAttribute('aria-current')).toBe('page')
  }))
})
