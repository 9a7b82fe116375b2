import { createStorage } from 'unstorage'
import memoryDriver from 'unstorage/drivers/memory'
import { describe, expect, it } from 'vitest'
import { memoryCounters, storageCounters, type Window } from '../../../server/rate-limit/counters'

const limit = { bucket: 'test', limit: 3, windowSeconds: 60 }
const kinds = [
  { name: 'in this process (memory mount)', make: () => memoryCounters() },
  { name: 'in unstorage (Redis or another driver)', make: () => storageCounters(createStorage<Window>({ driver: memoryDriver() })) },
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

it('control: a read-modify-write without the queue over the same storage does lose uses', async () => {
  const storage = createStorage<Window>({ driver: memoryDriver() })
  const naive = async () => {
    const window = (await storage.getItem('same')) ?? { count: 0, resetAt: 60_000 }
    await storage.setItem('same', { ...window, count: window.count + 1 })
  }
  await Promise.all(Array.from({ length: 50 }, naive))
  expect((await storage.getItem('same'))!.count).toBeLessThan(50)
})
