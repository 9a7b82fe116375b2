/** The first of the start-up's yields (plugins/yield.client.ts): the modules have run; the payload is revived next. */
export default defineNuxtPlugin({
  name: 'yield-before-payload',
  // Before Nuxt's payload reviver (-30), the first of all plugins.
  order: -35,
  async setup() {
    await yieldToMain()
  },
})
