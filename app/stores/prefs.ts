import { displayPrefs, ELDER_COOKIE, LANGUAGE_COOKIE, type Language } from '#shared/i18n/languages'

function remember(name: string, value: string) {
  document.cookie = `${name}=${encodeURIComponent(value)}; Max-Age=${60 * 60 * 24 * 365}; Path=/; SameSite=Lax`
}

function createPrefs() {
  // The server reads ?lang=, the cookies and Accept-Language (as the page cache keys them); the browser gets the outcome in the payload.
  const requested = () => {
    const headers = useRequestHeaders(['cookie', 'accept-language'])
    return displayPrefs(headers.cookie, headers['accept-language'], useRequestURL().search)
  }
  const language = useState<Language>('prefs.language', () => requested().language)
  const elder = useState<boolean>('prefs.elder', () => requested().elder)

  function setLanguage(next: Language) {
    language.value = next
    remember(LANGUAGE_COOKIE, next)
  }
  function setElder(on: boolean) {
    elder.value = on
    remember(ELDER_COOKIE, on ? '1' : '0')
  }
  return reactive({ language, elder, setLanguage, setElder })
}

const stores = new WeakMap<object, ReturnType<typeof createPrefs>>()

/**
 * The person's display preferences, one object per Nuxt app (per request on the
 * server). Both live in cookies so that the server renders the right language and
 * elder mode on the first byte (no flash).
 */
export function usePrefsStore() {
  const nuxtApp = useNuxtApp()
  let prefs = stores.get(nuxtApp)
  if (!prefs) stores.set(nuxtApp, prefs = createPrefs())
  return prefs
}
