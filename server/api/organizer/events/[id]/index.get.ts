import type { OrganizerEventDetail } from '#shared/events/organizer'
import { eventFields } from '~~/server/events/editing'
import { ownedEvent } from '~~/server/events/owned'
import { seriesPosition } from '~~/server/events/series'

/** One of the organisation's events in the shape the edit form sends back, with its counts. */
export default defineEventHandler(async (event): Promise<OrganizerEventDetail> => {
  const { row, db } = await ownedEvent(event)
  setResponseHeader(event, 'cache-control', 'no-store')
  return {
    id: row.id,
    status: row.status,
    ...await eventFields(db, row),
    whatToBring: row.what_to_bring_zh ? { zh: row.what_to_bring_zh, en: row.what_to_bring_en ?? '' } : null,
    confirmedPlaces: row.confirmed_places,
    waitlistLength: row.waitlist_parties,
    checkedInPlaces: row.checked_in_places,
    series: row.series_id ? await seriesPosition(db, row) : null,
  }
})
