// test-clock: a fixed `now` is passed in; nothing depends on today.
import { describe, expect, it } from 'vitest'
import type { OrganizerEventItem } from '#shared/events/organizer'
import { organizerHome } from '#shared/events/organizer-home'

const HOUR = 3_600_000
// 2030-03-10 10:00 in Beijing.
const NOW = Date.parse('2030-03-10T02:00:00Z')
let n = 0
const event = (startsInHours: number, over: Partial<OrganizerEventItem> = {}): OrganizerEventItem => ({
  id: `e${++n}`, slug: `e${n}`, title: { zh: `活动${n}`, en: '' }, status: 'published', format: 'onsite',
  startsAt: new Date(NOW + startsInHours * HOUR).toISOString(), endsAt: new Date(NOW + (startsInHours + 2) * HOUR).toISOString(),
  capacity: 30, confirmedPlaces: 10, waitlistLength: 0, checkedInPlaces: 0, failedMessages: 0, ...over,
})

describe('the organiser\'s home', () => {
  it('splits today and tomorrow by the day in Beijing, not by 24 hours', () => {
    const earlyToday = event(-9.5) // 00:30 today
    const lateToday = event(13.5) // 23:30 today
    const tomorrowMorning = event(14.5) // 00:30 tomorrow
    const dayAfter = event(38.5)
    const cancelled = event(2, { status: 'cancelled' })
    const home = organizerHome([earlyToday, lateToday, tomorrowMorning, dayAfter, cancelled], NOW)
    expect(home.today.map(e => e.id)).toEqual([earlyToday.id, lateToday.id])
    expect(home.tomorrow.map(e => e.id)).toEqual([tomorrowMorning.id])
  })

  it('names failed texts, nearly full events and recent events most people missed, and nothing else', () => {
    const failed = event(48, { failedMessages: 3 })
    const nearlyFull = event(24, { confirmedPlaces: 27 })
    const fullDraft = event(24, { status: 'draft', confirmedPlaces: 30 })
    const noShows = event(-26, { confirmedPlaces: 20, checkedInPlaces: 6 })
    const wellAttended = event(-26, { confirmedPlaces: 20, checkedInPlaces: 15 })
    const smallClass = event(-26, { confirmedPlaces: 4, checkedInPlaces: 0 })
    const longAgo = event(-24 * 10, { confirmedPlaces: 20, checkedInPlaces: 0 })
    const quiet = event(24)
    const home = organizerHome([failed, nearlyFull, fullDraft, noShows, wellAttended, smallClass, longAgo, quiet], NOW)
    expect(home.problems.map(p => [p.event.id, p.problems])).toEqual([
      [failed.id, ['failed-texts']],
      [nearlyFull.id, ['nearly-full']],
      [noShows.id, ['no-shows']],
    ])
  })
})
