import type { Page } from 'playwright-core'

/** Waits until Vue has hydrated the server-rendered page, then for two frames so client-only parts have rendered. */
export async function hydrated(page: Page): Promise<void> {
  // Vue sets `_vnode` on the mount point when it takes over the server-rendered DOM.
  await page.waitForFunction(() => (document.getElementById('__nuxt') as { _vnode?: unknown } | null)?._vnode !== undefined)
  await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}
