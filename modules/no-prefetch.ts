import { defineNuxtModule } from 'nuxt/kit'

/**
 * No <link rel="prefetch"> for the code a page might need later. By default the renderer hints
 * every dynamic import of the page (a form's checks, a lazily hydrated part's code), so a visitor
 * downloads it whether or not it is ever used: on an event page about 35 KB gzipped in 22 requests,
 * zod among them, on a village network and a metered data plan. Code is fetched when it is needed;
 * what the page hydrates at start is preloaded as before.
 */
export default defineNuxtModule({
  meta: { name: 'no-prefetch' },
  setup(_options, nuxt) {
    nuxt.hook('build:manifest', (manifest) => {
      for (const chunk of Object.values(manifest)) chunk.prefetch = false
    })
  },
})
