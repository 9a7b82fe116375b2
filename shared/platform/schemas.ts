import { z } from 'zod'

const check = z.enum(['ready', 'unavailable'])

/**
 * GET /api/health (readiness): whether the database takes a write and Redis
 * (when used) answers, and which migration the database is at; 503 when not ready.
 */
export const healthResponse = z.object({
  ok: z.boolean(),
  db: z.enum(['sqlite', 'postgres']),
  migration: z.string().nullable(),
  checks: z.object({ database: check, redis: z.enum(['ready', 'unavailable', 'not-used']) }),
})
export type HealthResponse = z.infer<typeof healthResponse>

/** GET /api/health/live (liveness): the process answers requests; nothing else is checked. */
export const livenessResponse = z.object({ ok: z.literal(true) })
export type LivenessResponse = z.infer<typeof livenessResponse>

/** Messages per field (dotted paths; `_` for the whole body). */
const fieldErrors = z.record(z.string(), z.array(z.string()))

/**
 * Every API error, as the portal's own pages read it: `{ statusCode, message, data? }`, where data
 * carries `fieldErrors` (400/409/422), a `reason` the pages translate, or a 503's `dependency` and `retryAfter`.
 */
export const apiError = z.object({
  statusCode: z.number().int(),
  statusMessage: z.string().optional(),
  message: z.string(),
  data: z.object({
    fieldErrors: fieldErrors.optional(),
    reason: z.string().optional(),
    dependency: z.enum(['database', 'redis']).optional(),
    retryAfter: z.number().int().optional(),
  }).loose().optional(),
}).loose()

/**
 * The same error as RFC 9457 problem details (`application/problem+json`), for clients that ask for it
 * in Accept: `fieldErrors`, `reason`, `dependency` and `retryAfter` are extension members.
 */
export const problemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  fieldErrors: fieldErrors.optional(),
  reason: z.string().optional(),
  dependency: z.enum(['database', 'redis']).optional(),
  retryAfter: z.number().int().optional(),
}).loose()
export type ProblemDetails = z.infer<typeof problemDetails>
