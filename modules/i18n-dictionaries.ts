import { defineNuxtModule } from 'nuxt/kit'

/**
 * The dictionaries (shared/i18n/<language>/<namespace>.json) are lazy chunks the app
 * loads only for the page's namespaces in the page's language (app/plugins/i18n.ts).
 * By default the renderer would hint every dynamic import of the entry with
 * <link rel="prefetch">, so each visitor would download all of them, staff
 * strings and the other language included. Not prefetched, not preloaded.
 */
export default defineNuxtModule({
  meta: { name: 'i18n-dictionaries' },
  setup(_options, nuxt) {
    nuxt.hook('build:manifest', (manifest) => {
      for (const [id, chunk] of Object.entries(manifest)) {
        if (/(^|\/)shared\/i18n\/[^/]+\/[^/]+\.json$/.test(id)) {
          chunk.prefetch = false
          chunk.preload = false
        }
      }
    })
  },
})
