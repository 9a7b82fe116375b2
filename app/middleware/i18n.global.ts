import { namespacesFor } from '#shared/i18n/namespaces'

/**
 * Before a page renders, its dictionaries are in the i18next instance: on the server
 * for the first render (and so in the payload), in the browser before a client-side
 * navigation shows a page that needs a namespace not loaded yet.
 */
export default defineNuxtRouteMiddleware(async (to) => {
  const { $i18nLoad } = useNuxtApp()
  await $i18nLoad(usePrefsStore().language, namespacesFor(to.meta))
})
