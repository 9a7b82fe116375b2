import type { RegistrationView } from '#shared/events/views'
import { registrationLookupBody } from '#shared/events/requests'
import { registrationView, residentLookup } from '../../events/registrations'

export default defineEventHandler(async (event): Promise<RegistrationView> => {
  const body = await validBody(event, registrationLookupBody)
  await residentLookup(event)
  setResponseHeader(event, 'cache-control', 'no-store')
  return registrationView(body.code, body.phone)
})
