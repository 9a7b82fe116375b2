// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  modules: ['@pinia/nuxt', '@vueuse/nuxt', '@nuxt/eslint'],
  // Names come from file names; each file name starts with its folder (VenueCard in venues/).
  components: [{ path: '~/components', pathPrefix: false }],
  imports: {
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
  compatibilityDate: '2025-07-15',
  nitro: {
    experimental: { tasks: true },
    rollupConfig: { external: ['node:sqlite'] },
  },
  vite: {
    optimizeDeps: { include: ['i18next', 'i18next-vue', 'reka-ui'] },
  },
  typescript: { strict: true },
  telemetry: false,
  eslint: { config: { stylistic: true } },
})
