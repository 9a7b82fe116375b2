import i18next from 'i18next'
import I18NextVue from 'i18next-vue'
import type { Language } from '#shared/i18n/languages'
import { commonNamespace, namespacesFor, type Namespace } from '#shared/i18n/namespaces'

declare module '#app' {
  interface PageMeta {
    /** The dictionaries this page uses besides common and its layout's (shared/i18n/namespaces.ts). */
    i18n?: Namespace[]
  }
}

type Dictionary = Record<string, unknown>
type Shipped = Partial<Record<Namespace, Dictionary>>

// In the browser, one lazy chunk per language and namespace: it fetches only what a page
// needs, in its language (app/utils/dictionary-files.ts). The server imports them all (shared/i18n/dictionaries.ts).
async function read(lng: Language, ns: Namespace): Promise<Dictionary> {
  if (import.meta.server) return (await import('#shared/i18n/dictionaries')).dictionaries[lng][ns]
  const { dictionaryFiles } = await import('~/utils/dictionary-files')
  const loader = dictionaryFiles[`../../shared/i18n/${lng}/${ns}.json`]
  if (!loader) throw new Error(`[i18n] no dictionary shared/i18n/${lng}/${ns}.json`)
  return loader()
}

/**
 * One i18next instance per Nuxt app, and Nuxt makes one app per request on
 * the server: the language of one request can never leak into another.
 *
 * The instance holds only the namespaces loaded so far. The server loads the
 * route's (middleware/i18n.global.ts) and ships them in the payload, so hydration
 * needs no request; the client loads others as navigation or a language switch
 * needs them, before anything renders with them.
 */
export default defineNuxtPlugin({
  name: 'i18n',
  async setup(nuxtApp) {
    const prefs = usePrefsStore()
    const shipped = useState<Shipped>('i18n', () => ({}))
    const i18n = i18next.createInstance()
    i18n.init({
      lng: prefs.language,
      fallbackLng: false,
      resources: {},
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      // A page that forgot a namespace shows raw keys; this makes it loud (the browser tests fail on it).
      saveMissing: true,
      missingKeyHandler: (lngs, _ns, key) => console.warn(`[i18n] missing key "${key}" (${lngs.join(', ')})`),
    })

    const loaded = new Set<string>()
    function add(lng: Language, ns: Namespace, dictionary: Dictionary) {
      // Namespaces share no top-level group, so a shallow merge is enough; skipCopy: the
      // dictionaries are never written to, and copying them cost every render.
      i18n.addResourceBundle(lng, 'translation', dictionary, false, false, { silent: false, skipCopy: true })
      loaded.add(`${lng}/${ns}`)
    }
    if (import.meta.client) {
      for (const [ns, dictionary] of Object.entries(shipped.value)) add(prefs.language, ns as Namespace, dictionary!)
    }

    /** Makes sure these namespaces of this language are in the instance. */
    async function load(lng: Language, list: readonly Namespace[]) {
      const missing = list.filter(ns => !loaded.has(`${lng}/${ns}`))
      if (!missing.length) return
      const dictionaries = await Promise.all(missing.map(ns => read(lng, ns)))
      missing.forEach((ns, i) => {
        add(lng, ns, dictionaries[i]!)
        if (import.meta.server && lng === prefs.language) shipped.value[ns] = dictionaries[i]
      })
    }

    /** The namespaces the current route needs, in another language first, then switch (no flash of raw keys). */
    async function setLanguage(lng: Language) {
      const route = nuxtApp.$router.currentRoute.value
      await load(lng, namespacesFor(route.meta))
      prefs.setLanguage(lng)
      // An address that names a language (?lang=, from a link or the sitemap) would win over the choice on the next load.
      if (route.query.lang !== undefined) await nuxtApp.$router.replace({ query: { ...route.query, lang: undefined }, hash: route.hash })
    }

    // Common is needed by every page, the error page too, even if the route's middleware never runs.
    await load(prefs.language, [commonNamespace])
    nuxtApp.vueApp.use(I18NextVue, { i18next: i18n })
    if (import.meta.client) {
      watch(() => prefs.language, async (lng) => {
        await load(lng, namespacesFor(nuxtApp.$router.currentRoute.value.meta))
        if (prefs.language === lng) await i18n.changeLanguage(lng)
      })
    }
    return { provide: { i18n, i18nLoad: load, i18nSetLanguage: setLanguage } }
  },
})
