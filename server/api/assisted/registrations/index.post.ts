import { assistedBookingBody, type AssistedBooking } from '#shared/assisted/schemas'
import { bookForResident, viewOfMine } from '~~/server/assisted/bookings'
import { rethrowBookingError } from '~~/server/events/http-errors'

/**
 * A helper (协助人员) books an event for a named resident who agreed, present or on the phone: the same engine
 * as a resident's own booking, with who acted for whom, when and how the resident agreed recorded and audited.
 */
export default defineEventHandler(async (event): Promise<AssistedBooking> => {
  const body = await validBody(event, assistedBookingBody)
  const helper = await requireHelper(event)
  const { db, city } = await usePortal()
  try {
    const result = await bookForResident(db, city.slug, helper, body)
    await recordAudit(event, helper, {
      action: 'registration.assisted', targetType: 'registration', targetId: result.registrationId,
      details: { consent: body.consent, contact: body.contact, eventId: result.eventId, partySize: result.partySize },
    })
    setResponseStatus(event, 201)
    return await viewOfMine(db, helper, result.registrationId)
  }
  catch (error) {
    rethrowBookingError(error)
  }
})
