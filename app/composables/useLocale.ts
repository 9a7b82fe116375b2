import { pickText, type Language } from '#shared/i18n/languages'
import { formatDate, formatDateRange, formatDateTime, type DateOptions } from '#shared/utils/dates'

/** The current language with the formatting helpers bound to it. */
export function useLocale() {
  const prefs = usePrefsStore()
  const lang = computed<Language>(() => prefs.language)
  return {
    lang,
    text: (value: { zh: string, en: string } | null | undefined) => pickText(value, lang.value),
    date: (value: string, options?: DateOptions) => formatDate(value, lang.value, options),
    dateRange: (start: string, end: string) => formatDateRange(start, end, lang.value),
    dateTime: (value: string) => formatDateTime(value, lang.value),
  }
}
