import type { OrganizerEventItem } from './organizer'

const DAY = 86_400_000
const SHANGHAI = 8 * 3_600_000
/** The city's calendar day of an instant (Asia/Shanghai keeps no summer time). */
const dayOf = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 10)

/** Nearly full: at least this share of the places taken, with the event still to come. */
export const NEARLY_FULL = 0.9
/** Many no-shows: fewer than half of those booked came, once at least this many had booked. */
export const NO_SHOW_MIN_BOOKED = 6

export type EventProblem = 'failed-texts' | 'nearly-full' | 'no-shows'

/** What an organiser's home shows: today's and tomorrow's events, and the events that need a look. */
export function organizerHome(items: readonly OrganizerEventItem[], now: number) {
  const today = dayOf(now)
  const tomorrow = dayOf(now + DAY)
  const live = items.filter(e => e.status !== 'cancelled')
  const problems: { event: OrganizerEventItem, problems: EventProblem[] }[] = []
  for (const e of live) {
    const found: EventProblem[] = []
    if (e.failedMessages > 0) found.push('failed-texts')
    const ended = Date.parse(e.endsAt) <= now
    if (!ended && e.status === 'published' && e.confirmedPlaces >= e.capacity * NEARLY_FULL) found.push('nearly-full')
    // Only events that ended within the last week: older ones are history, not a task.
    if (ended && now - Date.parse(e.endsAt) < 7 * DAY && e.confirmedPlaces >= NO_SHOW_MIN_BOOKED && e.checkedInPlaces * 2 < e.confirmedPlaces) found.push('no-shows')
    if (found.length) problems.push({ event: e, problems: found })
  }
  return {
    today: live.filter(e => dayOf(Date.parse(e.startsAt)) === today),
    tomorrow: live.filter(e => dayOf(Date.parse(e.startsAt)) === tomorrow),
    problems,
  }
}
