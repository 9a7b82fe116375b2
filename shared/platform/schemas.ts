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
