import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { createStorage } from 'unstorage'
import memoryDriver from 'unstorage/drivers/memory'
import redisDriver from 'unstorage/drivers/redis'
import { afterAll, describe, expect, it } from 'vitest'
import { countersFor, memoryCounters, redisCounters, storageCounters, type Window } from '~~/server/rate-limit/counters'

// The Redis on this machine and in CI; every run writes under its own prefix.
const REDIS_URL = 'redis://127.0.0.1:6379'
const prefix = `portal-test-${randomUUID()}`
const clients: Redis[] = []
const redis = () => {
  const client = new Redis(REDIS_URL)
  clients.push(client)
  return client
}
afterAll(async () => {
  const keys = await clients[0]?.keys(`${prefix}*`)
  if (keys?.length) await clients[0]!.del(...keys)
  await Promise.all(clients.map(c => c.quit()))
})

const limit = { bucket: 'test', limit: 3, windowSeconds: 60 }
const kinds = [
  { name: 'in this process (memory mount)', make: () => memoryCounters() },
  { name: 'in unstorage (another driver)', make: () => storageCounters(createStorage<Window>({ driver: memoryDriver() })) },
]

describe.each(kinds)('rate-limit counters $name', ({ make }) => {
  it('counts uses in a fixed window and starts again when it ends', async () => {
    const counters = make()
    const t0 = 1_000_000
    const counts = []
    for (let i = 0; i < 4; i++) counts.push((await counters.consume('a', limit, t0 + i)).count)
    expect(counts).toEqual([1, 2, 3, 4])
    expect(await counters.read('a', t0 + 10)).toEqual({ count: 4, resetAt: t0 + 60_000 })
    expect(await counters.read('a', t0 + 60_000)).toBeNull()
    expect(await counters.consume('a', limit, t0 + 60_000)).toEqual({ count: 1, resetAt: t0 + 120_000 })
    // Keys are independent, and a removed key starts from nothing.
    expect((await counters.consume('b', limit, t0)).count).toBe(1)
    await counters.remove('a')
    expect(await counters.read('a', t0 + 60_001)).toBeNull()
  })

  it('loses no use when 50 requests count at once', async () => {
    const counters = make()
    const counts = await Promise.all(Array.from({ length: 50 }, () => Promise.resolve(counters.consume('same', limit, 5_000)).then(w => w.count)))
    expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
  })
})

describe('rate-limit counters in Redis', () => {
  const shared = () => `${prefix}:${randomUUID()}`

  it('counts uses in a fixed window that Redis expires', async () => {
    const counters = redisCounters(redis(), shared())
    const now = Date.now()
    const counts = []
    for (let i = 0; i < 4; i++) counts.push((await counters.consume('a', limit, now)).count)
    expect(counts).toEqual([1, 2, 3, 4])
    const window = await counters.read('a', now)
    expect(window!.count).toBe(4)
    expect(window!.resetAt).toBeGreaterThan(now + 58_000)
    expect(window!.resetAt).toBeLessThanOrEqual(now + 60_000)
    expect(await counters.read('b', now)).toBeNull()
    await counters.remove('a')
    expect(await counters.read('a', now)).toBeNull()

    const short = { bucket: 'test', limit: 3, windowSeconds: 0.2 }
    expect((await counters.consume('c', short, Date.now())).count).toBe(1)
    expect((await counters.consume('c', short, Date.now())).count).toBe(2)
    await new Promise(r => setTimeout(r, 300))
    expect(await counters.read('c', Date.now())).toBeNull()
    expect((await counters.consume('c', short, Date.now())).count).toBe(1)
  })

  it('loses no use when two instances count 100 uses at once', async () => {
    const base = shared()
    const instances = [redisCounters(redis(), base), redisCounters(redis(), base)]
    const counts = await Promise.all(Array.from({ length: 100 }, (_, i) => Promise.resolve(instances[i % 2]!.consume('same', limit, Date.now())).then(w => w.count)))
    expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
  })

  it('control: two instances queueing per process over the unstorage Redis driver do lose uses', async () => {
    const base = shared()
    const storages = [0, 1].map(() => createStorage<Window>({ driver: redisDriver({ url: REDIS_URL, base }) }))
    const instances = storages.map(storage => storageCounters(storage))
    const counts = await Promise.all(Array.from({ length: 100 }, (_, i) => Promise.resolve(instances[i % 2]!.consume('same', limit, Date.now())).then(w => w.count)))
    expect(new Set(counts).size).toBeLessThan(100)
    await Promise.all(storages.map(s => s.dispose()))
  })

  it('is what the rate-limit mount uses when it is on Redis', async () => {
    const base = shared()
    const storage = createStorage<Window>({ driver: redisDriver({ url: REDIS_URL, base }) })
    const counters = countersFor(storage.getMount('').driver, () => storage)
    const other = redisCounters(redis(), base)
    await counters.consume('k', limit, Date.now())
    expect((await other.consume('k', limit, Date.now())).count).toBe(2)
    await storage.dispose()
  })
})

it('control: a read-modify-write without the queue over the same storage does lose uses', async () => {
  const storage = createStorage<Window>({ driver: memoryDriver() })
  const naive = async () => {
    const window = (await storage.getItem('same')) ?? { count: 0, resetAt: 60_000 }
    await storage.setItem('same', { ...window, count: window.count + 1 })
  }
  await Promise.all(Array.from({ length: 50 }, naive))
  expect((await storage.getItem('same'))!.count).toBeLessThan(50)
})
