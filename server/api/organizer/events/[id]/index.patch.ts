import type { OkResponse } from '#shared/primitives'
import { eventCreateBody, eventPatchBody } from '#shared/events/organizer'
import { setCapacity } from '../../../../events/booking'
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

  try {
    const columns = await eventColumns(db, city.slug, { ...patch, ...(patch.venueCode !== undefined ? { district: merged.district } : {}) })
    if (Object.keys(columns).length) {
      await db.updateTable('events').set({ ...columns, updated_at: nowIso() }).where('id', '=', row.id).execute()
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
  await recordAudit(event, user, { action: 'event.update', targetType: 'event', targetId: row.id, details: { fields: Object.keys(patch) } })
  return { ok: true }
})
