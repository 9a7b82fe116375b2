import type { Redis } from 'ioredis'
import type { Driver, Storage } from 'unstorage'

export interface Window {
  count: number
  resetAt: number
}

export interface Limit {
  /** A name for the kind of action: 'login-ip', 'registration', … */
  bucket: string
  limit: number
  windowSeconds: number
  /** When the shared store (Redis) fails: refuse with a 503 (true) instead of counting in this instance alone. */
  failClosed?: boolean
}

/** One counting step; the same rule for both kinds of store. */
function counted(window: Window | null | undefined, limit: Limit, now: number): Window {
  const open = window && window.resetAt > now ? window : { count: 0, resetAt: now + limit.windowSeconds * 1000 }
  return { count: open.count + 1, resetAt: open.resetAt }
}

export interface Counters {
  consume: (id: string, limit: Limit, now: number) => Window | Promise<Window>
  read: (id: string, now: number) => Window | null | Promise<Window | null>
  remove: (id: string) => void | Promise<void>
}

/**
 * The default memory mount gets a plain Map in this process: each step runs to
 * its end without yielding, so no queue is needed and a booking pays no awaits.
 * Expired windows are swept out once the Map is large, at most once a second.
 */
export function memoryCounters(): Counters {
  const windows = new Map<string, Window>()
  let nextSweep = 0
  const live = (id: string, now: number) => {
    const window = windows.get(id)
    return window && window.resetAt > now ? window : null
  }
  return {
    consume(id, limit, now) {
      if (windows.size >= 10_000 && now >= nextSweep) {
        nextSweep = now + 1000
        for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key)
      }
      const window = counted(live(id, now), limit, now)
      windows.set(id, window)
      return window
    },
    read: live,
    remove: id => void windows.delete(id),
  }
}

/**
 * Redis, shared by every instance: the count is raised and its window started
 * by one script that Redis runs atomically, so no use is lost between instances.
 */
export function redisCounters(redis: Redis, base = ''): Counters {
  const key = (id: string) => base ? `${base}:${id}` : id
  const client = redis as Redis & { rateLimitConsume: (key: string, windowMs: number) => Promise<[number, number]> }
  if (!('rateLimitConsume' in redis)) {
    redis.defineCommand('rateLimitConsume', {
      numberOfKeys: 1,
      lua: `local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`,
    })
  }
  return {
    async consume(id, limit, now) {
      const [count, ttl] = await client.rateLimitConsume(key(id), Math.ceil(limit.windowSeconds * 1000))
      return { count, resetAt: now + ttl }
    },
    async read(id, now) {
      const [[, count], [, ttl]] = await client.multi().get(key(id)).pttl(key(id)).exec() as [[null, string | null], [null, number]]
      return count === null || ttl <= 0 ? null : { count: Number(count), resetAt: now + ttl }
    },
    remove: async (id) => {
      await client.del(key(id))
    },
  }
}

/** The counters for the mount's driver: memory and Redis count natively, any other driver through unstorage. */
export function countersFor(driver: Driver, storage: () => Storage<Window>): Counters {
  if (driver.name === 'memory') return memoryCounters()
  if (driver.name === 'redis' && driver.getInstance) return redisCounters(driver.getInstance() as Redis, (driver.options as { base?: string }).base?.replace(/:$/, ''))
  return storageCounters(storage())
}

/**
 * Any other unstorage driver. Counts are read-modify-write, so updates per key
 * are queued: concurrent requests in this process cannot both read the same old
 * count (other processes can: use Redis to share limits).
 */
export function storageCounters(storage: Storage<Window>): Counters {
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
  const read = async (id: string, now: number) => {
    const window = await storage.getItem(id)
    return window && window.resetAt > now ? window : null
  }
  return {
    consume: (id, limit, now) => serialized(id, async () => {
      const window = counted(await read(id, now), limit, now)
      await storage.setItem(id, window, { ttl: limit.windowSeconds })
      return window
    }),
    read,
    remove: id => storage.removeItem(id),
  }
}
