import { eventSlugParams, registrationBody } from '#shared/events/requests'
import type { RegistrationResult } from '#shared/events/views'
import { book } from '~~/server/events/booking'
import { ticketToken } from '~~/server/events/tickets'
import { rethrowBookingError } from '~~/server/events/http-errors'

export default defineEventHandler(async (event): Promise<RegistrationResult> => {
  const { slug } = await validParams(event, eventSlugParams)
  const body = await validBody(event, registrationBody)
  await enforceRateLimit(event, residentLimit('registration', 20))

  const { db, city } = await usePortal()
  if (body.district && !city.districts.some(d => d.code === body.district)) {
    throw invalidFields({ district: ['Unknown district'] })
  }

  const sealed = await sealResident(body.name, body.phone)
  stopIfAbandoned(event)
  try {
    // One transaction finds the event, checks it and books: no separate read first.
    const result = await book(db, {
      event: { citySlug: city.slug, slug },
      partySize: body.partySize,
      sealed,
      ageGroup: body.ageGroup,
      district: body.district,
    })
    setResponseStatus(event, 201)
    return {
      code: result.code,
      status: result.status,
      ...(result.waitlistPosition ? { waitlistPosition: result.waitlistPosition } : {}),
      partySize: result.partySize,
      ticketToken: await ticketToken(result.registrationId),
    }
  }
  catch (error) {
    rethrowBookingError(error)
  }
})
