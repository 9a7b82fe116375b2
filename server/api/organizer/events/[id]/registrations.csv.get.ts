import { attendeesCsvQuery } from '#shared/events/organizer'
import { sendAttendeesCsv } from '~~/server/events/attendee-export'
import { ownedEvent } from '~~/server/events/owned'

/** The attendee list as CSV, names and numbers masked. */
export default defineEventHandler(async (event): Promise<string> => {
  await validQuery(event, attendeesCsvQuery)
  const { row, db } = await ownedEvent(event)
  return sendAttendeesCsv(event, db, row, false)
})
