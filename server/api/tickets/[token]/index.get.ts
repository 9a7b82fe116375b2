import type { RegistrationView } from '#shared/events/views'
import { registrationForTicket } from '~~/server/events/ticket-route'
import { toRegistrationView } from '~~/server/events/registrations'

/** The ticket: what the QR code stands for, without any personal data. */
export default defineEventHandler(async (event): Promise<RegistrationView> => {
  const { reg, token } = await registrationForTicket(event)
  setResponseHeader(event, 'cache-control', 'private, no-store')
  return toRegistrationView(await useDb(), reg, token)
})
