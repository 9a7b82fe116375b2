import type { ReleaseResult } from '#shared/events/views'
import { cancelBooking } from '~~/server/events/booking'
import { auditResidentAction } from '~~/server/events/registrations'
import { registrationForTicket } from '~~/server/events/ticket-route'

/** "I can't come": frees the places of a ticket in one tap (from the reminder's link); the waiting list moves up. */
export default defineEventHandler(async (event): Promise<ReleaseResult> => {
  const { reg } = await registrationForTicket(event)
  await enforceRateLimit(event, residentLimit('ticket-release', 30))
  if (!reg.phone_hash) throw createError({ statusCode: 410, message: 'This booking has been anonymised' })
  const result = await cancelBooking(await useDb(), reg.code, reg.phone_hash)
  await auditResidentAction(event, 'booking.release-by-resident', reg, 'ticket-link')
  return { status: result.status }
})
