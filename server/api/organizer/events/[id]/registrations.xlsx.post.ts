import { attendeesCsvRevealBody } from '#shared/events/organizer'
import { attendeeCount, sendAttendeesXlsx } from '~~/server/events/attendee-export'
import { ownedEvent } from '~~/server/events/owned'

/**
 * The attendee list in full, as an Excel workbook. A POST (a form or fetch from the portal's own
 * pages; the same-origin check refuses others) so that no link can reveal
 * anything; the reason is in the audit log before any value leaves.
 */
export default defineEventHandler(async (event): Promise<Buffer> => {
  const body = await validBody(event, attendeesCsvRevealBody)
  const { row, user, db } = await ownedEvent(event)
  await recordAudit(event, user, { action: 'pii.reveal', targetType: 'event-attendees', targetId: row.id, reason: body.reason, details: { rows: await attendeeCount(db, row.id) } })
  return sendAttendeesXlsx(event, db, row, true)
})
