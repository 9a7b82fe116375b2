import type { OkResponse } from '#shared/primitives'
import { eventCreateBody, eventPatchBody } from '#shared/events/organizer'
import { setCapacity } from '../../../../events/booking'
import { assertCourses, setEventCourses } from '../../../../events/courses'
import { eventColumns, eventFields } from '../../../../events/editing'
import { ownedEvent } from '../../../../events/owned'
import { rethrowEventInput } from '../../../../events/http-errors'

/**
 * Edits an event. Capacity goes through the booking engine: it may rise (the
 * waiting list moves up) but not fall below the places already confirmed.
 */
export default defineEventHandler(async (event): Promise<OkResponse> => {
  const patch = await validBody(event, eventPatchBody)
  const { row, user, db, city } = await ownedEvent(event)
  const merged = { ...await eventFields(db, row), ...patch }
  assertValid(eventCreateBody, merged)
  await assertCourses(event, city.slug, patch.courses)

  try {
    const columns = await eventColumns(db, city.slug, { ...patch, ...(patch.venueCode !== undefined ? { district: merged.district } : {}) })
    if (Object.keys(columns).length) {
      await db.updateTable('events').set(eb => ({ ...columns, revision: eb('revision', '+', 1), updated_at: nowIso() })).where('id', '=', row.id).execute()
    }
  }
  catch (error) {
    rethrowEventInput(error)
  }
  if (patch.capacity !== undefined && patch.capacity !== row.capacity) {
    try {
      await setCapacity(db, row.id, patch.capacity)
    }
    catch (error) {
      if (error instanceof RangeError) {
        throw invalidFields({ capacity: [error.message] })
      }
      throw error
    }
  }
  if (patch.courses !== undefined) await setEventCourses(db, row.id, patch.courses)
  await recordAudit(event, user, { action: 'event.update', targetType: 'event', targetId: row.id, details: { fields: Object.keys(patch) } })
  return { ok: true }
})
