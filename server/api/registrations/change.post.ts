import type { RegistrationView } from '#shared/events/views'
import { registrationChangeBody } from '#shared/events/requests'
import { changeBooking } from '~~/server/events/booking'
import { auditResidentAction, findRegistration, registrationView, residentLookup } from '~~/server/events/registrations'

/** Lowers the number of places a household booked; the freed places go to the waiting list. */
export default defineEventHandler(async (event): Promise<RegistrationView> => {
  const body = await validBody(event, registrationChangeBody)
  await residentLookup(event)
  const { reg, phoneHash } = await findRegistration(body.code, body.phone, event)
  if (body.partySize > reg.party_size) {
    throw invalidFields({ partySize: ['A booking can be made smaller, not larger'] })
  }
  await changeBooking(await useDb(), body.code, phoneHash, body.partySize)
  await auditResidentAction(event, 'booking.change-by-resident', reg, 'code-and-number', { partySize: body.partySize })
  return registrationView(reg)
})
