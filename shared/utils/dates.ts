import type { Language } from '../i18n/languages'

/** A calendar date (`YYYY-MM-DD`) is a day in the city, i.e. midnight in Asia/Shanghai. */
export function dateOnlyToInstant(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`)
}

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? dateOnlyToInstant(value) : new Date(value)
}

/**
 * The fields a portal date can show, in the shapes Intl.DateTimeFormat takes
 * (year numeric, month long, day numeric, weekday short, 24-hour time).
 */
export interface DateFields {
  year?: 'numeric'
  month?: 'long'
  day?: 'numeric'
  weekday?: 'short'
  hour?: '2-digit'
  minute?: '2-digit'
  hour12?: false
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAYS: Record<Language, string[]> = {
  'zh-CN': ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  'en': ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
}
/** Asia/Shanghai has kept UTC+8 all year since 1991. */
const CITY_OFFSET_MS = 8 * 3_600_000

/**
 * Formats the way Intl.DateTimeFormat does for zh-CN and en in Asia/Shanghai
 * (tests/unit/platform/dates.test.ts compares the two), without Intl: a
 * browser's first Intl call loads ICU's data, about 100 ms of main thread on a
 * slow phone, and the server's and the browser's ICU builds can differ.
 */
function format(date: Date, lang: Language, f: DateFields): string {
  const city = new Date(date.getTime() + CITY_OFFSET_MS)
  const year = f.year ? String(city.getUTCFullYear()) : ''
  const month = city.getUTCMonth()
  const day = f.day ? city.getUTCDate() : 0
  const weekday = f.weekday ? WEEKDAYS[lang][city.getUTCDay()]! : ''
  const pad = (n: number) => String(n).padStart(2, '0')
  const time = f.hour && f.minute ? `${pad(city.getUTCHours())}:${pad(city.getUTCMinutes())}` : ''
  if (lang === 'zh-CN') {
    const dateText = `${year ? `${year}年` : ''}${f.month ? `${month + 1}月` : ''}${day ? `${day}日` : ''}${weekday}`
    return [dateText, time].filter(Boolean).join(' ')
  }
  const monthDay = [f.month ? MONTHS_EN[month] : '', day ? String(day) : ''].filter(Boolean).join(' ')
  const dateText = [weekday, [monthDay, year].filter(Boolean).join(', ')].filter(Boolean).join(', ')
  return [dateText, time].filter(Boolean).join(' at ')
}

/** Options as call sites write them: a field set to undefined is left out. */
export type DateOptions = { [K in keyof DateFields]?: DateFields[K] | undefined }

export function formatDate(value: string | Date, lang: Language, options: DateOptions = {}): string {
  return format(toDate(value), lang, { year: 'numeric', month: 'long', day: 'numeric', ...options })
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
  return format(toDate(value), lang, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false })
}

/** The city's calendar day (YYYY-MM-DD) at an instant. */
export const cityDay = (at: Date | string = new Date()): string => new Date((typeof at === 'string' ? Date.parse(at) : at.getTime()) + CITY_OFFSET_MS).toISOString().slice(0, 10)
