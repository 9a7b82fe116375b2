import { attendeesCsvQuery } from '#shared/events/organizer'
import { sendAttendeesXlsx } from '~~/server/events/attendee-export'
import { ownedEvent } from '~~/server/events/owned'

/** The attendee list as an Excel workbook (typed columns), names and numbers masked. */
export default defineEventHandler(async (event): Promise<Buffer> => {
  await validQuery(event, attendeesCsvQuery)
  const { row, db } = await ownedEvent(event)
  return sendAttendeesXlsx(event, db, row, false)
})
