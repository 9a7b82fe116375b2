import { z } from 'zod'

/** GET /api/health: the database answers, and which migration it is at. */
export const healthResponse = z.object({ ok: z.literal(true), db: z.enum(['sqlite', 'postgres']), migration: z.string().nullable() })
export type HealthResponse = z.infer<typeof healthResponse>
