import { ELDER_COOKIE, LANGUAGE_COOKIE } from '#shared/i18n/languages'

/**
 * 共用设备模式: a browser at an experience centre or a village station that many people use in turn.
 * Staff switch it on (organizer home); the flag is a cookie of its own that signing out leaves alone,
 * and only staff end it. Nothing personal outlives a person's turn: see forgetPersonalData.
 */
export const SHARED_DEVICE_COOKIE = 'shared_device'
/** A shorter idle time for tests (milliseconds), honoured only while the mode is on; kept across resets. */
export const SHARED_DEVICE_IDLE_KEY = 'portal:shared-device-idle-ms'
export const SHARED_DEVICE_IDLE_MS = 3 * 60 * 1000

const keptCookies = new Set([SHARED_DEVICE_COOKIE, LANGUAGE_COOKIE, ELDER_COOKIE])

export function isSharedDevice(): boolean {
  return document.cookie.split(';').some(c => c.trim() === `${SHARED_DEVICE_COOKIE}=1`)
}

export function setSharedDevice(on: boolean) {
  document.cookie = on
    ? `${SHARED_DEVICE_COOKIE}=1; Max-Age=${60 * 60 * 24 * 365}; Path=/; SameSite=Lax`
    : `${SHARED_DEVICE_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`
}

/** How long without a touch before the device is made ready for the next person. */
export function sharedDeviceIdleMs(): number {
  const asked = Number(localStorage.getItem(SHARED_DEVICE_IDLE_KEY))
  return Number.isFinite(asked) && asked >= 1000 ? asked : SHARED_DEVICE_IDLE_MS
}

/**
 * Forgets everything a person left in this browser: localStorage (but the test's idle time),
 * sessionStorage, every cookie script can reach except the mode, language and elder choices,
 * and what is typed into the page's fields. (The staff session cookie is HttpOnly: signing out ends it.)
 */
export function forgetPersonalData() {
  const idle = localStorage.getItem(SHARED_DEVICE_IDLE_KEY)
  localStorage.clear()
  if (idle) localStorage.setItem(SHARED_DEVICE_IDLE_KEY, idle)
  sessionStorage.clear()
  const paths = ['/', ...location.pathname.split('/').slice(1).map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}`)]
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]!.trim()
    if (!name || keptCookies.has(name)) continue
    for (const path of paths) document.cookie = `${name}=; Max-Age=0; Path=${path}`
  }
  for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (field instanceof HTMLInputElement && ['hidden', 'button', 'submit', 'reset', 'checkbox', 'radio'].includes(field.type)) {
      if (field.type === 'checkbox' || field.type === 'radio') field.checked = false
      continue
    }
    field.value = ''
  }
}

/** 下一位: forget, then open the home page in place of this one, so Back cannot bring a ticket back. */
export function nextPerson() {
  forgetPersonalData()
  location.replace('/')
}

/**
 * The mode at work in this tab (from plugins/shared-device.client.ts, once mounted, on a device in the mode):
 * - every move inside the portal replaces the tab's history entry, so the history never holds a person's pages;
 * - after the idle time without a touch on residents' pages, nextPerson;
 * - fields ask the browser not to offer what someone typed before (autocomplete off);
 * - a page brought back from the back-forward cache is replaced by the home page;
 * - the shared-device store (app/stores/sharedDevice.ts) tells the default layout to show the banner with 下一位.
 */
export function startSharedDevice() {
  useSharedDeviceStore().on = true
  const router = useRouter()
  const push = router.push.bind(router)
  router.push = to => (isSharedDevice() ? router.replace(to) : push(to))

  let timer: ReturnType<typeof setTimeout> | undefined
  const staffPage = () => /^\/(?:organizer|admin|login)(?:\/|$)/.test(location.pathname)
  const restart = () => {
    clearTimeout(timer)
    if (isSharedDevice() && !staffPage()) timer = setTimeout(nextPerson, sharedDeviceIdleMs())
  }
  for (const type of ['pointerdown', 'keydown', 'input', 'wheel', 'scroll', 'touchstart']) {
    window.addEventListener(type, restart, { capture: true, passive: true })
  }
  router.afterEach(() => restart())
  document.addEventListener('focusin', (event) => {
    const field = event.target
    if (isSharedDevice() && (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) field.autocomplete = 'off'
  })
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && isSharedDevice()) nextPerson()
  })
  restart()
}
