import { pickedLanguage, pickText, type Language } from '#shared/i18n/languages'
import { formatDate, formatDateRange, formatDateTime, type DateOptions } from '#shared/utils/dates'
import type { LocalizedText } from '#shared/primitives'

/** The current language with the formatting helpers bound to it. */
export function useLocale() {
  const prefs = usePrefsStore()
  const lang = computed<Language>(() => prefs.language)
  return {
    lang,
    text: (value: LocalizedText | null | undefined) => pickText(value, lang.value),
    /** `lang` for an element showing `text(value)`: 'zh-CN' where an English page falls back to the Chinese, else undefined. */
    textLang: (value: LocalizedText | null | undefined) => (pickedLanguage(value, lang.value) === lang.value ? undefined : 'zh-CN' as const),
    date: (value: string, options?: DateOptions) => formatDate(value, lang.value, options),
    dateRange: (start: string, end: string) => formatDateRange(start, end, lang.value),
    dateTime: (value: string) => formatDateTime(value, lang.value),
  }
}
