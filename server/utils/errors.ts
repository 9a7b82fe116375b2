import { createError } from 'h3'
/** Messages per field, as every 4xx with field errors carries them. */
export type FieldErrors = Record<string, string[]>

/** The portal's 422: `{ statusCode, message, data: { fieldErrors } }`, for input that parsed but cannot be accepted. */
export function invalidFields(fieldErrors: FieldErrors, message = 'Some fields are not valid') {
  return createError({ statusCode: 422, statusMessage: 'Invalid input', message, data: { fieldErrors } })
}

/** A unique constraint refused the write, on either database. */
export const isUniqueViolation = (error: unknown) => /unique|duplicate key/i.test(String((error as Error)?.message))
