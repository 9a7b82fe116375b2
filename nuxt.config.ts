// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  modules: ['@pinia/nuxt', '@vueuse/nuxt', '@nuxt/eslint'],
  devtools: { enabled: false },
  telemetry: false,
  css: ['~/assets/css/main.css'],
  // Names come from file names; each file name starts with its folder (VenueCard in venues/).
  components: [{ path: '~/components', pathPrefix: false }],
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
  imports: {
    presets: [{ from: 'i18next-vue', imports: ['useTranslation'] }],
  },
  typescript: { strict: true },
  eslint: { config: { stylistic: true } },
  nitro: {
    experimental: { tasks: true },
    rollupConfig: { external: ['node:sqlite'] },
  },
  vite: {
    optimizeDeps: { include: ['i18next', 'i18next-vue', 'reka-ui'] },
  },
})
