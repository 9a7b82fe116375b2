import type { H3Event } from 'h3'
import type { z } from 'zod'
import type { FieldErrors } from './errors'

class FieldValidationError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super('Some fields are not valid')
  }
}

function validator<T extends z.ZodType>(schema: T) {
  return (data: unknown): z.output<T> => {
    const result = schema.safeParse(data)
    if (result.success) return result.data
    const fieldErrors: FieldErrors = {}
    for (const issue of result.error.issues) {
      const key = issue.path.length ? issue.path.join('.') : '_'
      ;(fieldErrors[key] ??= []).push(issue.message)
    }
    throw new FieldValidationError(fieldErrors)
  }
}

/**
 * h3 wraps a validator's error in its own "Validation Error"; this unwraps it
 * into the portal's shape: `{ statusCode, message, data: { fieldErrors } }`.
 * Other errors (malformed JSON, body too large) pass through as they are.
 */
async function validated<T>(run: () => Promise<T>, statusCode: number): Promise<T> {
  try {
    return await run()
  }
  catch (error) {
    const cause = (error as { data?: unknown }).data
    if (cause instanceof FieldValidationError) {
      throw createError({ statusCode, statusMessage: 'Invalid input', message: cause.message, data: { fieldErrors: cause.fieldErrors } })
    }
    throw error
  }
}

export const validQuery = <T extends z.ZodType>(event: H3Event, schema: T) =>
  validated(() => getValidatedQuery(event, validator(schema)), 400)
export const validParams = <T extends z.ZodType>(event: H3Event, schema: T) =>
  validated(() => getValidatedRouterParams(event, validator(schema), { decode: true }), 400)
/** Bodies that parse but do not validate are 422 (Unprocessable Content), with field errors. */
export const validBody = <T extends z.ZodType>(event: H3Event, schema: T) =>
  validated(() => readValidatedBody(event, validator(schema)), 422)

/** Validates data assembled in a handler (e.g. a patch merged into the stored record): 422 with field errors. */
export function assertValid<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  try {
    return validator(schema)(data)
  }
  catch (error) {
    if (!(error instanceof FieldValidationError)) throw error
    throw invalidFields(error.fieldErrors, error.message)
  }
}
