import { createError } from 'h3'

/** What was unavailable; each gets the same short 503 with Retry-After (server/error-pages turns it into the resident's language). */
export type Dependency = 'database' | 'redis'

/** A 503 for a dependency that does not answer now: Retry-After is set from `data.retryAfter` when the error is sent. */
export function serviceUnavailable(dependency: Dependency, retryAfter = 5) {
  return createError({ statusCode: 503, statusMessage: 'Service Unavailable', message: 'Service briefly unavailable. Please try again in a moment.', data: { dependency, retryAfter } })
}
/** Messages per field, as every 4xx with field errors carries them. */
export type FieldErrors = Record<string, string[]>

/** The portal's 422: `{ statusCode, message, data: { fieldErrors } }`, for input that parsed but cannot be accepted. */
export function invalidFields(fieldErrors: FieldErrors, message = 'Some fields are not valid') {
  return createError({ statusCode: 422, statusMessage: 'Invalid input', message, data: { fieldErrors } })
}

/** A unique constraint refused the write, on either database. */
export const isUniqueViolation = (error: unknown) => /unique|duplicate key/i.test(String((error as Error)?.message))
