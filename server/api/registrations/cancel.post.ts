import type { RegistrationView } from '#shared/events/views'
import { registrationLookupBody } from '#shared/events/requests'
import { cancelBooking } from '~~/server/events/booking'
import { auditResidentAction, findRegistration, registrationView, residentLookup } from '~~/server/events/registrations'

export default defineEventHandler(async (event): Promise<RegistrationView> => {
  const body = await validBody(event, registrationLookupBody)
  await residentLookup(event)
  const { reg, phoneHash } = await findRegistration(body.code, body.phone, event)
  await cancelBooking(await useDb(), body.code, phoneHash)
  await auditResidentAction(event, 'booking.cancel-by-resident', reg, 'code-and-number')
  return registrationView(reg)
})
