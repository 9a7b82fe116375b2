import type { RegistrationView } from '#shared/events/views'
import { registrationLookupBody } from '#shared/events/requests'
import { cancelBooking } from '../../events/booking'
import { findRegistration, registrationView, residentLookup } from '../../events/registrations'

export default defineEventHandler(async (event): Promise<RegistrationView> => {
  const body = await validBody(event, registrationLookupBody)
  await residentLookup(event)
  const { phoneHash } = await findRegistration(body.code, body.phone)
  await cancelBooking(await useDb(), body.code, phoneHash)
  return registrationView(body.code, body.phone)
})
