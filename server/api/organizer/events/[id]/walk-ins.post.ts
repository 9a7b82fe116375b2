import type { WalkInResult } from '#shared/events/organizer'
import { enqueue } from '~~/server/notifications/outbox'
import { writeTransaction } from '~~/server/database/write-transaction'
import { walkInBody } from '#shared/events/organizer'
import { book } from '~~/server/events/booking'
import { ownedEvent } from '~~/server/events/owned'
import { rethrowBookingError } from '~~/server/events/http-errors'

/** Someone who turns up without booking: booked and checked in at once, only into free places. */
export default defineEventHandler(async (event): Promise<WalkInResult> => {
  const body = await validBody(event, walkInBody)
  const { row, user, db, city } = await ownedEvent(event)
  // The same rule as a resident's booking: a district of this city or none.
  if (body.district && !city.districts.some(d => d.code === body.district)) {
    throw invalidFields({ district: ['Unknown district'] })
  }
  try {
    const result = await book(db, {
      event: { id: row.id }, partySize: body.partySize, sealed: await sealResident(body.name, body.phone),
      ageGroup: body.ageGroup, district: body.district, source: 'walk-in', confirmedOnly: true,
      // Walk-ins arrive while booking may already be closed.
      now: new Date(Math.min(Date.now(), Date.parse(row.booking_closes_at) - 1)),
    })
    const now = nowIso()
    await writeTransaction(db, async (trx) => {
      await trx.updateTable('registrations').set({ checked_in_at: now, checked_in_by: user.id }).where('id', '=', result.registrationId).execute()
      await trx.updateTable('events').set(eb => ({ checked_in_places: eb('checked_in_places', '+', body.partySize) })).where('id', '=', row.id).execute()
      await enqueue(trx, 'feedback', [{ eventId: row.id, registrationId: result.registrationId }], row.ends_at > now ? row.ends_at : now)
    })
    await recordAudit(event, user, { action: 'registration.walk-in', targetType: 'registration', targetId: result.registrationId })
    setResponseStatus(event, 201)
    return { code: result.code, partySize: result.partySize, checkedInAt: now }
  }
  catch (error) {
    rethrowBookingError(error)
  }
})
