import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { ELDER_COOKIE, LANGUAGE_COOKIE, type Language } from '#shared/i18n/languages'

export function chromePath(): string {
  const path = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(p => p && existsSync(p))
  if (!path) throw new Error('No Chromium found: run scripts/ensure-chromium.sh or set CHROME_PATH')
  return path
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  })
}

export interface Mode {
  lang: Language
  elder: boolean
}
export const modes: Mode[] = [
  { lang: 'zh-CN', elder: false },
  { lang: 'zh-CN', elder: true },
  { lang: 'en', elder: false },
  { lang: 'en', elder: true },
]
export const modeName = (m: Mode) => `${m.lang}${m.elder ? ' elder' : ''}`

/** A browser context with the language and elder-mode cookies already set, as a returning visitor would have. */
export async function contextFor(browser: Browser, baseURL: string, mode: Mode, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: mode.lang, reducedMotion: 'no-preference' })
  await context.addCookies([
    { name: LANGUAGE_COOKIE, value: mode.lang, url: baseURL },
    { name: ELDER_COOKIE, value: mode.elder ? '1' : '0', url: baseURL },
  ])
  return context
}
