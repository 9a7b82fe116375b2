import { defineStore } from 'pinia'
import { ELDER_COOKIE, LANGUAGE_COOKIE, negotiateLanguage, type Language } from '#shared/i18n/languages'

// Plain text cookies ("1", "en"), readable by the server without JSON decoding.
const cookieOptions = {
  maxAge: 60 * 60 * 24 * 365,
  sameSite: 'lax',
  path: '/',
  encode: (value: string) => encodeURIComponent(value),
  decode: (value: string) => decodeURIComponent(value),
} as const

/**
 * The person's display preferences. Both live in cookies so that the server
 * renders the right language and elder mode on the first byte (no flash).
 */
export const usePrefsStore = defineStore('prefs', () => {
  const languageCookie = useCookie<string | null>(LANGUAGE_COOKIE, cookieOptions)
  const elderCookie = useCookie<string | null>(ELDER_COOKIE, cookieOptions)
  const acceptLanguage = useRequestHeaders(['accept-language'])['accept-language']

  const language = ref<Language>(negotiateLanguage(languageCookie.value, acceptLanguage))
  const elder = ref(elderCookie.value === '1')

  function setLanguage(next: Language) {
    language.value = next
    languageCookie.value = next
  }
  function setElder(on: boolean) {
    elder.value = on
    elderCookie.value = on ? '1' : '0'
  }
  return { language, elder, setLanguage, setElder }
})
