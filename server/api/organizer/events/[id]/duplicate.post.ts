import type { OrganizerEventRef } from '#shared/events/organizer'
import { eventCourses, setEventCourses } from '~~/server/events/courses'
import { ownedEvent } from '~~/server/events/owned'
/** Copies an event as a new draft (same details, no bookings), e.g. to run it again on another day. */
export default defineEventHandler(async (event): Promise<OrganizerEventRef> => {
  const { row, user, db } = await ownedEvent(event)
  const id = newId()
  const now = nowIso()
  // From the id's random tail: its head is the time, the same for every copy made within hours.
  const slug = `${row.slug.slice(0, 50)}-${id.slice(-8)}`
  await db.insertInto('events').values({
    ...row, id, slug, external_id: null, series_id: null, series_start: null, status: 'draft', confirmed_places: 0, waitlist_parties: 0, checked_in_places: 0, next_seq: 1,
    source: 'user', created_by: user.id, created_at: now, updated_at: now, cancelled_at: null,
  }).execute()
  await setEventCourses(db, id, await eventCourses(db, row.id))
  await recordAudit(event, user, { action: 'event.duplicate', targetType: 'event', targetId: id, details: { from: row.id } })
  setResponseStatus(event, 201)
  return { id, slug, status: 'draft' }
})
