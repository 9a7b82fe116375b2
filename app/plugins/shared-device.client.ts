/**
 * 共用设备模式 in the browser: only a cookie test at start-up; the mode's code (startSharedDevice in
 * app/utils/shared-device.ts) is fetched only on a device in the mode, so no one else downloads it.
 */
export default defineNuxtPlugin((nuxtApp) => {
  nuxtApp.hook('app:mounted', () => {
    if (!/(?:^|;\s*)shared_device=1(?:;|$)/.test(document.cookie)) return
    void import('~/utils/shared-device').then(({ startSharedDevice }) => nuxtApp.runWithContext(startSharedDevice))
  })
})
