import { TIME_ZONE, type Language } from '../i18n/languages'

/** A calendar date (`YYYY-MM-DD`) is a day in the city, i.e. midnight in Asia/Shanghai. */
export function dateOnlyToInstant(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`)
}

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? dateOnlyToInstant(value) : new Date(value)
}

// Building an Intl.DateTimeFormat costs far more than using one; a page
// formats dozens of dates with a handful of option sets.
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { timeZone: TIME_ZONE, ...options })
    formatters.set(key, f)
  }
  return f
}

export function formatDate(value: string | Date, lang: Language, options: Intl.DateTimeFormatOptions = {}): string {
  return formatter(lang, { year: 'numeric', month: 'long', day: 'numeric', ...options }).format(toDate(value))
}

/**
 * "2026年12月7日至12月13日" / "December 7 – December 13, 2026". Composed from
 * single dates because formatRange differs between ICU builds, and the server's
 * and the browser's rendering must match.
 */
export function formatDateRange(start: string, end: string, lang: Language): string {
  const sameYear = start.slice(0, 4) === end.slice(0, 4)
  const monthDay = { year: undefined } as const
  if (lang === 'en') return `${formatDate(start, lang, sameYear ? monthDay : {})} – ${formatDate(end, lang)}`
  return `${formatDate(start, lang)}至${formatDate(end, lang, sameYear ? monthDay : {})}`
}

export function formatDateTime(value: string | Date, lang: Language): string {
  return formatter(lang, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).format(toDate(value))
}
