// test-clock: the formatters are given their dates; nothing reads the clock.
import { describe, expect, it } from 'vitest'
import { TIME_ZONE, type Language } from '#shared/i18n/languages'
import { formatDate, formatDateRange, formatDateTime, type DateOptions } from '#shared/utils/dates'

// Every option set the portal formats with (call sites in app/ and server/).
const optionSets: DateOptions[] = [
  {},
  { year: undefined },
  { year: undefined, weekday: 'short' },
  { year: undefined, month: undefined, day: undefined, weekday: 'short' },
  { year: undefined, month: undefined, day: undefined, hour: '2-digit', minute: '2-digit', hour12: false },
]
const dateTime = { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false } as const
const intl = (value: Date, lang: Language, options: DateOptions) => new Intl.DateTimeFormat(lang, { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric', ...options }).format(value)

// Instants across years, months, weekdays and both sides of midnight in Shanghai (16:00 UTC).
let seed = 7
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const instants = [
  new Date('2026-12-06T15:59:00Z'), new Date('2026-12-06T16:00:00Z'), new Date('2026-12-31T16:00:00Z'), new Date('2028-02-28T17:05:00Z'),
  ...Array.from({ length: 400 }, () => new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 6 * 365 * 86_400_000))),
]

describe('dates', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`formats as Intl does in ${lang}, Asia/Shanghai`, () => {
      for (const at of instants) {
        for (const options of optionSets) expect(formatDate(at, lang, options), `${at.toISOString()} ${JSON.stringify(options)}`).toBe(intl(at, lang, options))
        expect(formatDateTime(at, lang), at.toISOString()).toBe(intl(at, lang, dateTime))
      }
    })
  }

  it('reads a calendar date as that day in the city', () => {
    expect(formatDate('2026-12-07', 'zh-CN')).toBe('2026年12月7日')
    expect(formatDate('2026-12-07', 'en', { year: undefined, weekday: 'short' })).toBe('Mon, December 7')
    expect(formatDateTime('2026-12-07T06:30:00Z', 'zh-CN')).toBe('2026年12月7日周一 14:30')
    expect(formatDateTime('2026-12-07T06:30:00Z', 'en')).toBe('Mon, December 7, 2026 at 14:30')
  })

  it('writes a range with the year once when both ends share it', () => {
    expect(formatDateRange('2026-12-07', '2026-12-13', 'zh-CN')).toBe('2026年12月7日至12月13日')
    expect(formatDateRange('2026-12-28', '2027-01-03', 'en')).toBe('December 28, 2026 – January 3, 2027')
  })
})
