import { EventInputError } from '../events/editing'

/** Input errors from event editing as the portal's 422, slug clashes as 409. */
export function rethrowEventInput(error: unknown): never {
  if (error instanceof EventInputError) {
    throw createError({ statusCode: 422, message: error.message, data: { fieldErrors: error.fieldErrors } })
  }
  if (isUniqueViolation(error)) {
    throw createError({ statusCode: 409, message: 'An event with this slug exists', data: { fieldErrors: { slug: ['An event with this slug exists'] } } })
  }
  throw error
}
