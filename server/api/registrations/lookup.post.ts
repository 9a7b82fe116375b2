import type { RegistrationView } from '#shared/events/views'
import { registrationLookupBody } from '#shared/events/requests'
import { findRegistration, registrationView, residentLookup } from '~~/server/events/registrations'

export default defineEventHandler(async (event): Promise<RegistrationView> => {
  const body = await validBody(event, registrationLookupBody)
  await residentLookup(event)
  const { reg } = await findRegistration(body.code, body.phone, event)
  setResponseHeader(event, 'cache-control', 'no-store')
  return registrationView(reg)
})
