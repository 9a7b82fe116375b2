import { eventCalendarRoute } from '~~/server/events/calendar-route'
import { seriesCalendar } from '~~/server/events/series'

/**
 * A repeating class's whole series as one calendar entry: RRULE from its first class, EXDATE for the
 * dates skipped, cancelled or not yet published; texts and place from this occurrence. 404 for a one-off event.
 */
export default defineEventHandler(async (event): Promise<string> => {
  const { db } = await usePortal()
  return eventCalendarRoute(event, row => (row.series_id ? seriesCalendar(db, row.series_id) : Promise.resolve(undefined)))
})
