import type { RouterConfig } from 'nuxt/schema'
import { START_LOCATION } from 'vue-router'

/**
 * Nuxt's own scrolling (nuxt/dist/pages/runtime/router.options; no page sets a scroll margin, so a
 * #hash lands at its element's top), except at start-up: Nuxt replays
 * the first page once the app is live and would scroll to the top then. On a slow phone a person
 * has often scrolled on by that time (to the vote, the booking form), so the page stays where it is.
 */
export default {
  scrollBehavior(to, from, savedPosition) {
    if (from === START_LOCATION) return false
    if (to.path.replace(/\/$/, '') === from.path.replace(/\/$/, '')) {
      if (from.hash && !to.hash) return savedPosition ?? { left: 0, top: 0 }
      return to.hash ? { el: to.hash } : false
    }
    const router = useRouter()
    return new Promise((resolve) => {
      useNuxtApp().hooks.hookOnce('page:loading:end', () => {
        requestAnimationFrame(() => {
          if (router.currentRoute.value.fullPath !== to.fullPath) return resolve(false)
          resolve(savedPosition ?? (to.hash ? { el: to.hash } : { left: 0, top: 0 }))
        })
      })
    })
  },
} satisfies RouterConfig
