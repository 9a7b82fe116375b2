import { formatDate, formatDateTime } from '#shared/utils/dates'

const timeOnly = { year: undefined, month: undefined, day: undefined, hour: '2-digit', minute: '2-digit', hour12: false } as const

/** Event times in the current language: "2026年12月7日周一 14:30–16:00". */
export function useEventTime() {
  const { lang } = useLocale()
  const { t } = useTranslation()

  function timeRange(start: string, end: string) {
    const sameDay = formatDate(start, lang.value) === formatDate(end, lang.value)
    return t('events.timeRange', {
      start: formatDateTime(start, lang.value),
      end: sameDay ? formatDate(end, lang.value, timeOnly) : formatDateTime(end, lang.value),
    })
  }

  /** "12月7日 周一" / "Mon, December 7" for a calendar day (YYYY-MM-DD). */
  function dayLabel(day: string) {
    return t('events.dayOption', {
      date: formatDate(day, lang.value, { year: undefined }),
      weekday: formatDate(day, lang.value, { year: undefined, month: undefined, day: undefined, weekday: 'short' }),
    })
  }

  return { timeRange, dayLabel }
}
