import { eventSlugParams, registrationBody } from '#shared/schemas/events'
import type { RegistrationResult } from '#shared/schemas/event-views'
import { book, BookingError } from '../../../events/booking'
import { ticketToken } from '../../../events/tickets'
import { waitlistCap } from '../../../events/views'
import { purgeAfter } from '../../../privacy/retention'

export default defineEventHandler(async (event): Promise<RegistrationResult> => {
  const { slug } = await validParams(event, eventSlugParams)
  const body = await validBody(event, registrationBody)
  await enforceRateLimit(event, residentLimit('registration', 20))

  const { db, city } = await usePortal()
  const found = await db.selectFrom('events').select(['id', 'ends_at', 'capacity', 'confirmed_places', 'waitlist_parties'])
    .where('city_slug', '=', city.slug).where('slug', '=', slug).where('status', '!=', 'draft').executeTakeFirst()
  if (!found) throw bookingHttpError('not-found')
  if (body.district && !city.districts.some(d => d.code === body.district)) {
    throw createError({ statusCode: 422, message: 'Some fields are not valid', data: { fieldErrors: { district: ['Unknown district'] } } })
  }
  const full = found.confirmed_places >= found.capacity && found.waitlist_parties >= waitlistCap(found.capacity)

  try {
    const result = await book(db, {
      eventId: found.id,
      partySize: body.partySize,
      sealed: await sealResident(body.name, body.phone),
      ageGroup: body.ageGroup,
      district: body.district,
      purgeAfter: purgeAfter(found.ends_at),
      confirmedOnly: full,
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
    if (error instanceof BookingError) throw bookingHttpError(error.problem === 'not-waitlistable' ? 'full' : error.problem)
    // Two simultaneous requests with one number: the database's unique index decides.
    if (isUniqueViolation(error)) throw bookingHttpError('duplicate')
    throw error
  }
})
