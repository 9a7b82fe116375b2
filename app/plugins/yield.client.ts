/**
 * Start-up in short tasks: before the head, router and i18n are set up, and again before Vue hydrates,
 * the browser gets the main thread back (see also yield-before-payload), so a slow phone can paint and
 * answer a tap in between instead of freezing for the whole start-up.
 */
export default defineNuxtPlugin({
  name: 'yield',
  // After Nuxt's payload reviver (-30), before its head and router plugins (-20).
  order: -25,
  async setup(nuxtApp) {
    nuxtApp.hook('app:beforeMount', yieldToMain)
    await yieldToMain()
  },
})
