import type { Page } from 'playwright-core'

/**
 * Waits until Vue has hydrated the server-rendered page and its header (which hydrates once the browser
 * is idle), then for two frames so client-only parts have rendered.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    // Vue sets `_vnode` on the mount point when it takes over the server-rendered DOM…
    if ((document.getElementById('__nuxt') as { _vnode?: unknown } | null)?._vnode === undefined) return false
    // …and keeps an element's listeners under a symbol named _vei: the header's switch has one once the header is live.
    const elderSwitch = document.getElementById('elder-mode')
    return !elderSwitch || Object.getOwnPropertySymbols(elderSwitch).some(key => key.description === '_vei')
  })
  await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}
