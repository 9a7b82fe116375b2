import { createHash } from 'node:crypto'
import type { H3Event } from 'h3'

/**
 * Fixed-window counters in Nitro storage (mount `ratelimit`): in memory by
 * default, in Redis or any unstorage driver by configuration alone.
 */
interface Window {
  count: number
  resetAt: number
}

export interface Limit {
  /** A name for the kind of action: 'login-ip', 'registration', … */
  bucket: string
  limit: number
  windowSeconds: number
}

// Counters are read-modify-write; queue updates per key so concurrent
// requests in one process cannot both read the same old count.
const queues = new Map<string, Promise<unknown>>()
function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(work, work)
  const settled = run.catch(() => {})
  queues.set(key, settled)
  settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key)
  })
  return run
}

const storageKey = (bucket: string, key: string) => `${bucket}:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`
const storage = () => useStorage<Window>('ratelimit')

async function current(id: string, now: number): Promise<Window | null> {
  const window = await storage().getItem(id)
  return window && window.resetAt > now ? window : null
}

/** Counts one use; `allowed` is false once the limit is passed. */
export function consume(limit: Limit, key: string, now = Date.now()) {
  const id = storageKey(limit.bucket, key)
  return serialized(id, async () => {
    const window = await current(id, now) ?? { count: 0, resetAt: now + limit.windowSeconds * 1000 }
    window.count += 1
    await storage().setItem(id, window, { ttl: limit.windowSeconds })
    return { allowed: window.count <= limit.limit, retryAfter: Math.ceil((window.resetAt - now) / 1000) }
  })
}

/** Whether a key is already over its limit, without counting a use. */
export async function isLimited(limit: Limit, key: string, now = Date.now()) {
  const window = await current(storageKey(limit.bucket, key), now)
  return window && window.count >= limit.limit ? Math.ceil((window.resetAt - now) / 1000) : 0
}

export async function resetLimit(limit: Limit, key: string) {
  await storage().removeItem(storageKey(limit.bucket, key))
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
