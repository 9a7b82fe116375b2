import { BookingError, type BookingProblem } from './booking'
import { EventInputError } from './editing'
import { SeriesInputError } from './series'

const answers: Record<BookingProblem | 'full', { statusCode: number, message: string }> = {
  'not-found': { statusCode: 404, message: 'No such event or booking' },
  'not-open': { statusCode: 409, message: 'Booking has not opened yet' },
  'closed': { statusCode: 410, message: 'Booking has closed' },
  'cancelled': { statusCode: 410, message: 'The event has been cancelled' },
  'party-too-large': { statusCode: 422, message: 'The party is larger than this event allows' },
  'duplicate': { statusCode: 409, message: 'This mobile number already has a booking for this event' },
  'not-waitlistable': { statusCode: 409, message: 'No places are free' },
  'full': { statusCode: 409, message: 'The event and its waiting list are full' },
}

/** A booking problem as an HTTP error with a machine-readable reason for the UI to translate. */
export function bookingHttpError(problem: BookingProblem | 'full') {
  const { statusCode, message } = answers[problem]
  const fieldErrors = problem === 'party-too-large' ? { partySize: [message] } : undefined
  return createError({ statusCode, message, data: { reason: problem, ...(fieldErrors ? { fieldErrors } : {}) } })
}

/** Input errors from event editing as the portal's 422, slug clashes as 409. */
export function rethrowEventInput(error: unknown): never {
  if (error instanceof EventInputError || error instanceof SeriesInputError) throw invalidFields(error.fieldErrors, error.message)
  if (isUniqueViolation(error)) {
    throw createError({ statusCode: 409, message: 'An event with this slug exists', data: { fieldErrors: { slug: ['An event with this slug exists'] } } })
  }
  throw error
}

/** Whatever a booking threw, as the HTTP answer residents and organizers see. */
export function rethrowBookingError(error: unknown): never {
  if (error instanceof BookingError) throw bookingHttpError(error.problem === 'not-waitlistable' ? 'full' : error.problem)
  // Two simultaneous requests with one number: the database's unique index decides.
  if (isUniqueViolation(error)) throw bookingHttpError('duplicate')
  throw error
}
