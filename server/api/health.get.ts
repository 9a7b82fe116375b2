import type { HealthResponse } from '#shared/platform/schemas'
import { writeProbe } from '~~/server/database/readiness'
import { redisReady } from '~~/server/rate-limit/redis-client'

let probe: ReturnType<typeof writeProbe> | undefined

/** Readiness, for the load balancer: 503 with Retry-After while the database or Redis cannot serve. */
export default defineEventHandler(async (event): Promise<HealthResponse> => {
  const { db, dialect, migration, city } = await usePortal()
  probe ??= writeProbe(db, city.slug)
  const [database, redis] = await Promise.all([probe(), redisReady()])
  const checks: HealthResponse['checks'] = {
    database: database ? 'ready' : 'unavailable',
    redis: redis === null ? 'not-used' : redis ? 'ready' : 'unavailable',
  }
  const ok = database && redis !== false
  setResponseHeader(event, 'cache-control', 'no-store')
  if (!ok) {
    setResponseStatus(event, 503, 'Service Unavailable')
    setResponseHeader(event, 'retry-after', 5)
  }
  return { ok, db: dialect, migration, checks }
})
