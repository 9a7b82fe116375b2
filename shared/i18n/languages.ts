import { parse } from 'cookie-es'

export const languages = ['zh-CN', 'en'] as const
export type Language = typeof languages[number]
export const defaultLanguage: Language = 'zh-CN'
export const LANGUAGE_COOKIE = 'lang'
export const ELDER_COOKIE = 'elder'
/** Every date and time in the portal is shown in the city's own time zone. */
export const TIME_ZONE = 'Asia/Shanghai'

export function normalizeLanguage(value: string | null | undefined): Language | undefined {
  const tag = value?.trim().toLowerCase()
  if (!tag) return undefined
  if (tag === 'zh' || tag.startsWith('zh-') || tag.startsWith('zh_')) return 'zh-CN'
  if (tag === 'en' || tag.startsWith('en-') || tag.startsWith('en_')) return 'en'
  return undefined
}

/** The language for a request: the cookie the person chose, then Accept-Language by quality, then Chinese. */
export function negotiateLanguage(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Language {
  const chosen = normalizeLanguage(cookie)
  if (chosen) return chosen
  const ranked = (acceptLanguage ?? '').split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map(p => p.trim()).find(p => p.startsWith('q='))
      return { tag, q: q ? Number(q.slice(2)) : 1, index }
    })
    .filter(r => r.tag && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const r of ranked) {
    const lang = normalizeLanguage(r.tag)
    if (lang) return lang
  }
  return defaultLanguage
}

/**
 * A cookie's value as the renderer and the page cache both read it: the first
 * cookie of that name, percent-decoded, without the double quotes RFC 6265
 * allows around a value. One reading, so a page is never cached under a key
 * other than the one it was rendered for.
 */
export function requestCookie(cookieHeader: string | null | undefined, name: string): string | undefined {
  const value = parse(cookieHeader ?? '', { filter: key => key === name })[name]
  return value !== undefined && /^".*"$/s.test(value) ? value.slice(1, -1) : value
}

export interface DisplayPrefs { language: Language, elder: boolean }

/**
 * The language a page's address names (`?lang=en`, `?lang=zh-CN`), exactly, or undefined: the way a link,
 * a search engine or the sitemap reaches a page in a language without a cookie.
 */
export function urlLanguage(url: string | null | undefined): Language | undefined {
  const search = url?.split('#')[0]!.split('?')[1]
  if (!search) return undefined
  const value = new URLSearchParams(search).get('lang')
  return languages.find(l => l === value)
}

/**
 * The language and display mode a page is rendered in: the address's `?lang=` first, then the
 * Cookie and Accept-Language headers.
 */
export function displayPrefs(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined, url?: string | null): DisplayPrefs {
  return {
    language: urlLanguage(url) ?? negotiateLanguage(requestCookie(cookieHeader, LANGUAGE_COOKIE), acceptLanguage),
    elder: requestCookie(cookieHeader, ELDER_COOKIE) === '1',
  }
}

/** Picks the text for a language from a `{ zh, en }` pair; English falls back to the Chinese where none was written. */
export function pickText(text: { zh: string, en: string } | null | undefined, lang: Language): string {
  if (!text) return ''
  return lang === 'en' && text.en.trim() ? text.en : text.zh
}

/** The language `pickText` actually gave: 'zh-CN' when an English page shows the Chinese text. */
export function pickedLanguage(text: { zh: string, en: string } | null | undefined, lang: Language): Language {
  return lang === 'en' && !text?.en.trim() ? 'zh-CN' : lang
}
