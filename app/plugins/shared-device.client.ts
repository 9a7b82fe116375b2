/**
 * 共用设备模式 in the browser (see app/utils/shared-device.ts). While the mode is on:
 * - every move inside the portal replaces the tab's history entry, so the tab's history never holds a
 *   person's pages (Back cannot return to a ticket after 下一位);
 * - after 3 minutes without a touch (residents' pages), the device forgets and opens the home page;
 * - fields ask the browser not to offer what an earlier person typed (autocomplete off);
 * - a page brought back from the back-forward cache is replaced by the home page.
 * useState('shared-device') tells the layout to show the banner with 下一位 (set after mounting: the
 * server, and the page cache, never know about the mode).
 */
export default defineNuxtPlugin((nuxtApp) => {
  const on = useState<boolean>('shared-device', () => false)
  const router = useRouter()
  const push = router.push.bind(router)
  router.push = to => (on.value ? router.replace(to) : push(to))

  let timer: ReturnType<typeof setTimeout> | undefined
  const staffPage = () => /^\/(?:organizer|admin|login)(?:\/|$)/.test(location.pathname)
  const restart = () => {
    clearTimeout(timer)
    if (on.value && !staffPage()) timer = setTimeout(nextPerson, sharedDeviceIdleMs())
  }
  for (const type of ['pointerdown', 'keydown', 'input', 'wheel', 'scroll', 'touchstart']) {
    window.addEventListener(type, restart, { capture: true, passive: true })
  }
  router.afterEach(() => restart())
  document.addEventListener('focusin', (event) => {
    const field = event.target
    if (on.value && (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) field.autocomplete = 'off'
  })
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && isSharedDevice()) nextPerson()
  })
  nuxtApp.hook('app:mounted', () => {
    on.value = isSharedDevice()
    restart()
  })
})
