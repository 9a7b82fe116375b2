import type { Storage } from 'unstorage'

export interface Window {
  count: number
  resetAt: number
}

export interface Limit {
  /** A name for the kind of action: 'login-ip', 'registration', … */
  bucket: string
  limit: number
  windowSeconds: number
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
 * Any other unstorage driver (Redis, to share limits between instances). Counts
 * are read-modify-write, so updates per key are queued: concurrent requests in
 * one process cannot both read the same old count.
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
