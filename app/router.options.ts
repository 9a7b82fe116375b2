import type { RouterConfig } from 'nuxt/schema'
import { START_LOCATION } from 'vue-router'

/** Where a #hash lands: below the element's scroll margin and the page's scroll padding, as Nuxt does. */
function hashTarget(hash: string) {
  let top = 0
  try {
    const el = document.querySelector(hash)
    if (el) top = (Number.parseFloat(getComputedStyle(el).scrollMarginTop) || 0) + (Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0)
  }
  catch { /* not a selector: the top of the page */ }
  return { el: hash, top }
}

/**
 * Nuxt's own scrolling (nuxt/dist/pages/runtime/router.options), except at start-up: Nuxt replays
 * the first page once the app is live and would scroll to the top then. On a slow phone a person
 * has often scrolled on by that time (to the vote, the booking form), so the page stays where it is.
 */
export default {
  scrollBehavior(to, from, savedPosition) {
    if (from === START_LOCATION) return false
    if (to.path.replace(/\/$/, '') === from.path.replace(/\/$/, '')) {
      if (from.hash && !to.hash) return savedPosition ?? { left: 0, top: 0 }
      return to.hash ? hashTarget(to.hash) : false
    }
    if (to.meta.scrollToTop === false) return false
    const router = useRouter()
    return new Promise((resolve) => {
      useNuxtApp().hooks.hookOnce('page:loading:end', () => {
        requestAnimationFrame(() => {
          if (router.currentRoute.value.fullPath !== to.fullPath) return resolve(false)
          resolve(savedPosition ?? (to.hash ? hashTarget(to.hash) : { left: 0, top: 0 }))
        })
      })
    })
  },
} satisfies RouterConfig
