/**
 * Start-up in short tasks: after the payload is revived (the route, head and i18n set-up come next)
 * and again before Vue hydrates, the browser gets the main thread back, so a slow phone can paint and
 * answer a tap in between instead of freezing for the whole start-up. A timer, not a microtask: only
 * a new task lets the browser in.
 */
const yieldToMain = () => new Promise<void>(resolve => setTimeout(resolve, 0))

export default defineNuxtPlugin({
  name: 'yield',
  // Nuxt's own payload reviver runs at -30, its head and router plugins at -20.
  order: -25,
  async setup(nuxtApp) {
    nuxtApp.hook('app:beforeMount', yieldToMain)
    await yieldToMain()
  },
})
