import type { Updateable } from 'kysely'
import type { OrganizerEventSaved } from '#shared/events/organizer'
import { eventCreateBody, eventPatchBody } from '#shared/events/organizer'
import { setCapacity } from '~~/server/events/booking'
import { updateAndTell } from '~~/server/events/changes'
import { assertCourses, setEventCourses } from '~~/server/events/courses'
import { eventColumns, eventFields } from '~~/server/events/editing'
import { ownedEvent } from '~~/server/events/owned'
import { rethrowEventInput } from '~~/server/events/http-errors'
import { editedColumns, followingColumns, followingOccurrences, splitSeries, timesProblem } from '~~/server/events/series'
import { writeTransaction } from '~~/server/database/write-transaction'
import type { EventsTable } from '~~/server/database/schema'

/**
 * Edits an event. Capacity goes through the booking engine: it may rise (the
 * waiting list moves up) but not fall below the places already confirmed.
 * A move of the time or the place texts everyone booked or waiting (event-changed), once.
 * An occurrence of a series says `scope`: only this one, or this and every following
 * one (each moved by as much as this one; the series splits here).
 */
export default defineEventHandler(async (event): Promise<OrganizerEventSaved> => {
  const { scope, ...patch } = await validBody(event, eventPatchBody)
  const { row, user, db, city } = await ownedEvent(event)
  const merged = { ...await eventFields(db, row), ...patch }
  assertValid(eventCreateBody, merged)
  await assertCourses(event, city.slug, patch.courses)
  if (row.series_id && Object.keys(patch).length && !scope) {
    throw invalidFields({ scope: ['Say whether to change only this occurrence or this and the following ones'] })
  }

  let columns: Updateable<EventsTable> = {}
  try {
    columns = await eventColumns(db, city.slug, { ...patch, ...(patch.venueCode !== undefined ? { district: merged.district } : {}) })
  }
  catch (error) {
    rethrowEventInput(error)
  }
  const following = scope === 'following' && row.series_id ? (await followingOccurrences(db, row)).filter(o => o.id !== row.id) : []
  const wholeRest = scope === 'following' && row.series_id
  const plans = [{ row, columns: wholeRest ? editedColumns(row, columns) : columns }, ...following.map(o => ({ row: o, columns: followingColumns(row, columns, o) }))]
  for (const p of plans.slice(1)) {
    const problem = timesProblem({ ...p.row, ...p.columns } as Parameters<typeof timesProblem>[0])
    if (problem) throw invalidFields({ [problem]: [`Would not hold for the occurrence of ${p.row.starts_at}`] })
    if (patch.capacity !== undefined && patch.capacity < p.row.confirmed_places) throw invalidFields({ capacity: [`Below the places confirmed on ${p.row.starts_at}`] })
  }

  let notified = 0
  try {
    notified = await writeTransaction(db, async (trx) => {
      if (scope === 'following' && row.series_id) await splitSeries(trx, row, (columns.starts_at as string | undefined) ?? row.starts_at)
      let n = 0
      for (const p of plans) n += await updateAndTell(trx, p.row.id, p.columns as Parameters<typeof updateAndTell>[2], user.id)
      return n
    })
  }
  catch (error) {
    rethrowEventInput(error)
  }
  for (const p of plans) {
    if (patch.capacity !== undefined && patch.capacity !== p.row.capacity) {
      try {
        await setCapacity(db, p.row.id, patch.capacity)
      }
      catch (error) {
        if (error instanceof RangeError) {
          throw invalidFields({ capacity: [error.message] })
        }
        throw error
      }
    }
    if (patch.courses !== undefined) await setEventCourses(db, p.row.id, patch.courses)
  }
  await recordAudit(event, user, {
    action: 'event.update', targetType: 'event', targetId: row.id,
    details: { fields: Object.keys(patch), ...(row.series_id ? { scope: scope ?? 'this', occurrences: plans.length } : {}), notified },
  })
  return { ok: true, occurrences: plans.length, notified }
})
