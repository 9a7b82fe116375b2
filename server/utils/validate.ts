import type { H3Event } from 'h3'
import type { z } from 'zod'

/**
 * Validates input with a zod schema and turns a failure into the portal's
 * error shape: `{ statusCode, message, data: { fieldErrors: { field: [message] } } }`.
 * (h3's getValidated* helpers would wrap this in a second error object.)
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, data: unknown, statusCode = 422): z.output<T> {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_'
    ;(fieldErrors[key] ??= []).push(issue.message)
  }
  throw createError({ statusCode, statusMessage: 'Invalid input', message: 'Some fields are not valid', data: { fieldErrors } })
}

export const validQuery = <T extends z.ZodType>(event: H3Event, schema: T) => parseOrThrow(schema, getQuery(event), 400)
export const validParams = <T extends z.ZodType>(event: H3Event, schema: T) => parseOrThrow(schema, getRouterParams(event, { decode: true }), 400)
export async function validBody<T extends z.ZodType>(event: H3Event, schema: T) {
  return parseOrThrow(schema, await readBody(event), 422)
}
