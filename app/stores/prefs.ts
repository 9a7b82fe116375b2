import { defaultLanguage, displayPrefs, ELDER_COOKIE, LANGUAGE_COOKIE, type Language } from '#shared/i18n/languages'

function fromRequest() {
  const headers = useRequestHeaders(['cookie', 'accept-language'])
  return displayPrefs(headers.cookie, headers['accept-language'], useRequestURL().search)
}

function remember(name: string, value: string) {
  document.cookie = `${name}=${encodeURIComponent(value)}; Max-Age=${60 * 60 * 24 * 365}; Path=/; SameSite=Lax`
}

/**
 * The person's display preferences, one store per Nuxt app (per request on the server). Both live
 * in cookies so that the server renders the right language and elder mode on the first byte (no flash).
 * The server reads ?lang=, the cookies and Accept-Language (as the page cache keys them); the browser
 * gets the outcome in the payload (Pinia's state), which replaces these first values when it hydrates,
 * so the cookie parsing and language negotiation stay out of the browser's JavaScript.
 */
export const usePrefsStore = defineStore('prefs', () => {
  const requested = import.meta.server ? fromRequest() : { language: defaultLanguage, elder: false }
  const language = ref<Language>(requested.language)
  const elder = ref<boolean>(requested.elder)

  function setLanguage(next: Language) {
    language.value = next
    remember(LANGUAGE_COOKIE, next)
  }
  function setElder(on: boolean) {
    elder.value = on
    remember(ELDER_COOKIE, on ? '1' : '0')
  }
  return { language, elder, setLanguage, setElder }
})
