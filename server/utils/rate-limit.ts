import { createHash } from 'node:crypto'
import { createError, setResponseHeader, type H3Event } from 'h3'
import { useStorage } from 'nitropack/runtime'
import { clientIp } from './client-ip'
import { countersFor, memoryCounters, type Counters, type Limit, type Window } from '~~/server/rate-limit/counters'
import { LimitsUnavailable, withFailover } from '~~/server/rate-limit/failover'
import { portalConfig } from './config'
import { serviceUnavailable } from './errors'

export type { Limit }

const storageKey = (bucket: string, key: string) => `${bucket}:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`

/**
 * Fixed-window counters for the Nitro storage mount `ratelimit`: in this
 * process by default (memory), in Redis with PORTAL_REDIS_URL (server/plugins/00.redis.ts).
 */
let chosen: Counters | undefined
const counters = () => chosen ??= countersFor(useStorage().getMount('ratelimit:').driver, () => useStorage<Window>('ratelimit'))

/** This instance's own counts, used while the shared store (Redis) does not answer (rate-limit/failover.ts). */
const alone = memoryCounters()

async function withCounters<T>(limit: Limit, work: (c: Counters) => T | Promise<T>): Promise<T> {
  try {
    return await withFailover(limit, counters, alone, work)
  }
  catch (error) {
    throw error instanceof LimitsUnavailable ? serviceUnavailable('redis') : error
  }
}

/** Counts one use; `allowed` is false once the limit is passed. */
export async function consume(limit: Limit, key: string, now = Date.now()) {
  const window = await withCounters(limit, c => c.consume(storageKey(limit.bucket, key), limit, now))
  return { allowed: window.count <= limit.limit, retryAfter: Math.ceil((window.resetAt - now) / 1000) }
}

/** Whether a key is already over its limit, without counting a use. */
export async function isLimited(limit: Limit, key: string, now = Date.now()) {
  const window = await withCounters(limit, c => c.read(storageKey(limit.bucket, key), now))
  return window && window.count >= limit.limit ? Math.ceil((window.resetAt - now) / 1000) : 0
}

/** Forgets a key's uses; if the store does not answer they simply run out with their window. */
export async function resetLimit(limit: Limit, key: string) {
  alone.remove(storageKey(limit.bucket, key))
  await Promise.resolve(counters().remove(storageKey(limit.bucket, key))).catch(() => {})
}

export function tooManyRequests(event: H3Event, retryAfter: number): never {
  setResponseHeader(event, 'retry-after', Math.max(1, retryAfter))
  throw createError({ statusCode: 429, message: 'Too many attempts. Please wait and try again.', data: { retryAfter } })
}

/** For public write endpoints: one call at the top of the handler, keyed by client IP unless told otherwise. */
export async function enforceRateLimit(event: H3Event, limit: Limit, key = clientIp(event)) {
  const result = await consume(limit, key)
  if (!result.allowed) tooManyRequests(event, result.retryAfter)
}

/** Per-IP limits for residents' write endpoints; PORTAL_RATE_SCALE multiplies them (load tests, busy shared networks). */
export function residentLimit(bucket: string, limit: number, windowSeconds = 600): Limit {
  return { bucket, limit: Math.max(1, Math.round(limit * portalConfig().rateScale)), windowSeconds }
}
