import type { OrganizerEventDetail } from '#shared/events/organizer'
import type { LocalizedText } from '#shared/primitives'
import { formatDate, formatDateTime } from '#shared/utils/dates'

/**
 * Loads one of the organisation's events (edit and check-in pages). A malformed
 * or unknown id is simply a page that does not exist; another organisation's event is a 403.
 */
export async function useOrganizerEvent(id: string) {
  // Named by the shared type: a built id could also be a static route beside [id] (POST …/events/import), and Nuxt's route typing would pick that one.
  const result = await useFetch<OrganizerEventDetail>(`/api/organizer/events/${encodeURIComponent(id)}`)
  assertOrganizerEventFound(result)
  return result
}

/** What an event's staff page loaded (the event, or its attendees): nothing, or a 400, is a 404; other refusals keep their status. */
export function assertOrganizerEventFound(result: { error: Ref<{ statusCode?: number } | null | undefined>, data: Ref<unknown> }) {
  requireFound(result.error.value, result.data.value, 'Event not found')
}

/** The tab title of an event's staff page (`titleKey` takes the event's title), following the language. */
export function useOrganizerEventTitle(titleKey: string, title: () => LocalizedText | undefined) {
  const { t } = useTranslation()
  const { text } = useLocale()
  useHead({ title: () => t(titleKey, { title: text(title()) }) })
}

/** "2026年12月7日周一 14:30 至 16:00" in the current language. */
export function useOrganizerEventTime() {
  const { lang } = useLocale()
  const { t } = useTranslation()
  const timeOnly = { year: undefined, month: undefined, day: undefined, hour: '2-digit', minute: '2-digit', hour12: false } as const
  return {
    timeRange(start: string, end: string) {
      const sameDay = formatDate(start, lang.value) === formatDate(end, lang.value)
      return t('organizerEvents.time.range', {
        start: formatDateTime(start, lang.value),
        end: sameDay ? formatDate(end, lang.value, timeOnly) : formatDateTime(end, lang.value),
      })
    },
    dateTime: (value: string) => formatDateTime(value, lang.value),
  }
}

/** What happened after an action on the list, for its notice. */
export interface OrganizerEventOutcome {
  kind: 'saved' | 'publish' | 'unpublish' | 'cancel' | 'duplicate' | 'failed'
  title: LocalizedText
  /** The new copy, after duplicate. */
  id?: string
  /** Why an action failed (a key under organizerEvents.list.problems). */
  problem?: string
  /** Bookings (confirmed and waiting) texted about a move or a cancellation. */
  notified?: number
  /** Classes made or changed at once (a series). */
  occurrences?: number
}
