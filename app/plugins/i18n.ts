import i18next from 'i18next'
import I18NextVue from 'i18next-vue'
import en from '#shared/i18n/en.json'
import organizerEventsEn from '#shared/i18n/organizer-events.en.json'
import organizerEventsZh from '#shared/i18n/organizer-events.zh-CN.json'
import zhCN from '#shared/i18n/zh-CN.json'

/**
 * One i18next instance per Nuxt app, and Nuxt makes one app per request on
 * the server: the language of one request can never leak into another.
 */
export default defineNuxtPlugin({
  name: 'i18n',
  dependsOn: ['pinia'],
  setup(nuxtApp) {
    const prefs = usePrefsStore(nuxtApp.$pinia as Parameters<typeof usePrefsStore>[0])
    const i18n = i18next.createInstance()
    i18n.init({
      lng: prefs.language,
      fallbackLng: false,
      // The staff area's event screens keep their strings in their own files, under "organizerEvents".
      resources: { 'zh-CN': { translation: { ...zhCN, organizerEvents: organizerEventsZh } }, 'en': { translation: { ...en, organizerEvents: organizerEventsEn } } },
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    })
    nuxtApp.vueApp.use(I18NextVue, { i18next: i18n })
    if (import.meta.client) {
      watch(() => prefs.language, lang => i18n.changeLanguage(lang))
    }
    return { provide: { i18n } }
  },
})
