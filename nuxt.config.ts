import { fileURLToPath } from 'node:url'

// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  modules: ['@vueuse/nuxt', '@nuxt/eslint', 'nuxt-auth-utils', 'nuxt-security', '@nuxt/content', '@pinia/nuxt'],
  // Names come from file names; each file name starts with its folder (VenueCard in venues/).
  components: [{ path: '~/components', pathPrefix: false }],
  imports: {
    // Composables live in one folder per domain (composables/events/…), shared ones at the top.
    // The Pinia stores (app/stores: prefs, auth, shared device) are auto-imported by @pinia/nuxt.
    dirs: ['composables/**'],
    presets: [{ from: 'i18next-vue', imports: ['useTranslation'] }],
  },
  devtools: { enabled: false },
  app: {
    head: {
      meta: [
        { name: 'viewport', content: 'width=device-width, initial-scale=1' },
        { name: 'format-detection', content: 'telephone=no' },
        { name: 'theme-color', content: '#9e1b1b' },
      ],
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    },
  },
  css: ['~/assets/css/main.css'],
  // Every component uses <script setup>: Vue's Options API runtime is compiled out of the residents' JavaScript.
  vue: { optionsApi: false },
  // Courses (content/) are read only by server routes (server/courses/): Node's own node:sqlite, so no
  // native addon to build and the browser never loads SQLite WASM.
  content: { experimental: { sqliteConnector: 'native' } },

  routeRules: {
    // JSON is never a document: it may load nothing and be framed by no one.
    // The check-in page may use the camera to scan tickets; no other page may.
    '/organizer/events/*/check-in': { security: { headers: { permissionsPolicy: { camera: ['self'] } } } },
    '/api/**': { headers: { 'content-security-policy': 'default-src \'none\'; frame-ancestors \'none\'', 'permissions-policy': 'camera=(), microphone=(), geolocation=()' } },
  },
  // The stylesheet (3 KB gzipped) travels inside the HTML: no render-blocking request before the first paint.
  features: { inlineStyles: true },
  // Links do not fetch and run the next pages' code ahead of a tap: on a village network and an
  // old phone that was most of the home page's main-thread work after load (Lighthouse TBT 590 → 390 ms).
  // No app manifest: it is one more request on every page's start-up (plus a timer that polls for new
  // builds) to learn which routes are prerendered, and none is. After a deploy, a page still open loads the
  // next page's code by its old name, fails, and Nuxt reloads that page (chunk-reload).
  experimental: { appManifest: false, defaults: { nuxtLink: { prefetch: false } } },
  compatibilityDate: '2025-07-15',
  nitro: {
    experimental: { tasks: true },
    // Residents' personal information is purged daily after its retention period.
    scheduledTasks: {
      '30 3 * * *': ['privacy:purge'],
      '* * * * *': ['notifications:send'],
      '5,35 * * * *': ['notifications:remind'],
    },
    rollupConfig: { external: ['node:sqlite'] },
    // Static files get .br and .gz twins at build time (best settings, once); Nitro serves the one the
    // client accepts, with Vary: Accept-Encoding. HTML and JSON: server/plugins/03.compression.ts.
    compressPublicAssets: { gzip: true, brotli: true },
    // Rate-limit counters. Memory by default; PORTAL_REDIS_URL remounts them on Redis
    // at start (server/plugins/00.redis.ts) to share limits between instances.
    storage: {
      ratelimit: { driver: 'memory' },
    },
  },
  vite: {
    optimizeDeps: { include: ['i18next', 'i18next-vue'] },
    // Every page needs fetch, state and async data. Left to itself the bundler cuts them into small
    // chunks by which pages import them, and each new domain's pages cut them again (the home page
    // paid 0.6 KiB more for the same code). One group keeps them together: 96.8 KiB instead of 100.7.
    build: { rolldownOptions: { output: { advancedChunks: { groups: [{ name: 'app-core', test: /node_modules[\\/](ofetch|destr|ufo)[\\/]|node_modules[\\/]nuxt[\\/]dist[\\/]app[\\/]composables[\\/](state|fetch|asyncData)/ }] } } } },
  },
  typescript: { strict: true },
  telemetry: false,
  hooks: {
    // @nuxtjs/mdc (in @nuxt/content) registers its Prose* components globally, i.e. into every page's entry
    // (2.6 KiB gzipped); lesson steps are HTML rendered on the server (server/courses/), so none is used.
    'components:extend'(components) {
      for (let i = components.length - 1; i >= 0; i--) {
        if (/@nuxtjs[\\/]mdc[\\/].*[\\/]prose[\\/]/.test(components[i]!.filePath)) components.splice(i, 1)
      }
    },
    // The app's copy of the route rules answers a layout, redirect, rendering or app-middleware rule for a page;
    // ours set none, yet @nuxt/content's rules for its SQL dumps (never a page) were compiled into every page's
    // entry (0.5 KiB gzipped). While no other rule sets one of those keys, the app's copy is empty.
    'app:templates'(app) {
      const template = app.templates.find(t => t.filename === 'route-rules.mjs')
      const original = template?.getContents
      if (!template || !original) return
      const appKeys = ['prerender', 'redirect', 'appMiddleware', 'appLayout', 'cache', 'isr', 'swr', 'ssr']
      template.getContents = (data) => {
        // Nuxt's own route-rules template reads them there too (nuxt._nitro is internal, hence the cast).
        const nitro = (data.nuxt as unknown as { _nitro?: { options: { routeRules?: Record<string, Record<string, unknown>> } } })._nitro
        const rules = Object.entries(nitro?.options.routeRules ?? {})
        // (Nuxt's own /__nuxt_error rule is left out of the app's copy by Nuxt itself.)
        const forPages = rules.some(([route, rule]) => !/^\/(?:__nuxt_content\/|__nuxt_error$)/.test(route) && appKeys.some(key => rule[key] !== undefined))
        return forPages ? original(data) : 'export default () => ({})'
      }
    },
    // app/router.options.ts replaces Nuxt's scrollBehavior, the only thing Nuxt's own router options
    // file gives; without this both would be in every page's entry.
    'pages:routerOptions'({ files }) {
      for (let i = files.length - 1; i >= 0; i--) {
        if (/[\\/]nuxt[\\/]dist[\\/]pages[\\/]runtime[\\/]router\.options/.test(files[i]!.path)) files.splice(i, 1)
      }
    },
    // nuxt-auth-utils declares defaults for ~50 OAuth providers and WebAuthn, none of which
    // we use; Nitro copies the runtime config and re-reads it from the environment once per
    // request, and that walk was about 8% of an /events render's CPU.
    'nitro:config'(config) {
      const { oauth: _oauth, webauthn: _webauthn, ...rest } = config.runtimeConfig ?? {}
      config.runtimeConfig = rest
      // Ours runs first and only corrects the error (503 for an unavailable database or Redis, standard
      // reason phrases); Nuxt's then renders the error page, or Nitro's the JSON (server/errors/handler.ts).
      config.errorHandler = [fileURLToPath(new URL('./server/errors/handler.ts', import.meta.url)), ...[config.errorHandler ?? []].flat()]
      // @nuxt/content prerenders a SQL dump per collection for browsers that query content themselves;
      // ours never do (server routes only), and prerendering boots the whole server: ~17 s of every build.
      for (const [route, rule] of Object.entries(config.routeRules ?? {})) {
        if (route.startsWith('/__nuxt_content/')) rule.prerender = false
      }
    },
  },
  // Pages ask /api/auth/me through the auth store when they need the user; public pages
  // should not fetch the session on every render.
  auth: { loadStrategy: 'none' },
  eslint: { config: { stylistic: true } },
  security: {
    nonce: true,
    headers: {
      contentSecurityPolicy: {
        'default-src': ['\'self\''],
        'script-src': ['\'self\'', '\'strict-dynamic\'', '\'nonce-{{nonce}}\''],
        'script-src-attr': ['\'none\''],
        'style-src': ['\'self\'', '\'unsafe-inline\''],
        'img-src': ['\'self\'', 'data:', 'blob:'],
        'font-src': ['\'self\''],
        'connect-src': ['\'self\''],
        'media-src': ['\'self\''],
        'object-src': ['\'none\''],
        'base-uri': ['\'none\''],
        'form-action': ['\'self\''],
        'frame-ancestors': ['\'none\''],
        'upgrade-insecure-requests': false,
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      xContentTypeOptions: 'nosniff',
      xFrameOptions: 'DENY',
      permissionsPolicy: {
        'camera': [],
        'microphone': [],
        'geolocation': [],
        'display-capture': [],
        'fullscreen': ['self'],
      },
      strictTransportSecurity: false,
    },
    // Our own limiter (server/utils/rate-limit.ts) keeps its state in Nitro storage.
    rateLimiter: false,
    // It reads only Content-Length: server/middleware/00.body-limit.ts caps every body while it streams.
    requestSizeLimiter: false,
    xssValidator: false,
    corsHandler: false,
  },
})
