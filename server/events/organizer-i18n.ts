import i18next from 'i18next'
import { getCookie, getRequestHeader, type H3Event } from 'h3'
import { dictionaries } from '#shared/i18n/dictionaries'
import { LANGUAGE_COOKIE, languages, negotiateLanguage, type Language } from '#shared/i18n/languages'

const i18n = i18next.createInstance()
i18n.init({
  resources: Object.fromEntries(languages.map(lng => [lng, { translation: { ...dictionaries[lng].common, ...dictionaries[lng]['events-organizer'] } }])),
  lng: 'zh-CN',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
})

/** The organiser's words on the server (files they download, import problems): common and events-organizer. */
export const organizerT = (lang: Language) => i18n.getFixedT(lang)

/** The organiser's language: the portal's own choice (cookie, then Accept-Language). */
export const organizerLanguage = (event: H3Event): Language => negotiateLanguage(getCookie(event, LANGUAGE_COOKIE), getRequestHeader(event, 'accept-language'))
