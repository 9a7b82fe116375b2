import { createServer, type Server, type Socket } from 'node:net'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryCounters, redisCounters } from '~~/server/rate-limit/counters'
import { LimitsUnavailable, withFailover } from '~~/server/rate-limit/failover'
import { redisOptions } from '~~/server/rate-limit/redis-client'
import { freePort } from '~~/tests/support/server'

const signIn = { bucket: 'login-account', limit: 5, windowSeconds: 900, failClosed: true }
const booking = { bucket: 'registration', limit: 3, windowSeconds: 600 }

/** How long a promise takes to settle, and how: `pending` if not within `ms`. */
async function within<T>(work: Promise<T>, ms: number) {
  const started = Date.now()
  const outcome = await Promise.race([
    work.then(value => ({ how: 'resolved' as const, value }), error => ({ how: 'rejected' as const, error })),
    new Promise<{ how: 'pending' }>(resolve => setTimeout(() => resolve({ how: 'pending' }), ms).unref()),
  ])
  return { ...outcome, ms: Date.now() - started }
}

describe('rate limits while Redis does not answer', () => {
  const clients: Redis[] = []
  const sockets = new Set<Socket>()
  let hung: Server
  let hungPort: number
  let closedPort: number
  beforeAll(async () => {
    closedPort = await freePort()
    // Accepts connections and never answers: a Redis that hangs (paused, or a network that drops replies).
    hung = createServer(socket => void sockets.add(socket))
    hungPort = await freePort()
    await new Promise<void>(resolve => hung.listen(hungPort, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    for (const c of clients) c.disconnect()
    for (const s of sockets) s.destroy()
    await new Promise(resolve => hung.close(resolve))
  })
  const client = (port: number, options: object) => {
    const c = new Redis({ host: '127.0.0.1', port, ...options, lazyConnect: false })
    c.on('error', () => {})
    clients.push(c)
    return c
  }

  it.each([
    ['stopped (connection refused)', () => closedPort],
    ['hanging (no replies)', () => hungPort],
  ])('refuses sign-in within a second and lets bookings count in this instance alone when Redis is %s', async (_, port) => {
    const shared = redisCounters(client(port(), redisOptions))
    const alone = memoryCounters()
    await new Promise(r => setTimeout(r, 200))

    const refused = await within(withFailover(signIn, () => shared, alone, c => c.consume('account', signIn, Date.now())), 1000)
    expect(refused.how).toBe('rejected')
    expect((refused as { error: unknown }).error).toBeInstanceOf(LimitsUnavailable)
    expect(refused.ms).toBeLessThan(1000)

    const counts: number[] = []
    for (let i = 0; i < 4; i++) {
      const r = await within(Promise.resolve(withFailover(booking, () => shared, alone, c => c.consume('10.0.0.1', booking, Date.now()))), 1000)
      expect(r.how).toBe('resolved')
      counts.push((r as { value: { count: number } }).value.count)
    }
    // Counted here: the fourth is over this instance's limit of three.
    expect(counts).toEqual([1, 2, 3, 4])
  })

  it('control: on ioredis\'s defaults the same sign-in is still waiting after a second (queued for the reconnect)', async () => {
    const shared = redisCounters(client(hungPort, {}))
    const waiting = await within(withFailover(signIn, () => shared, memoryCounters(), c => c.consume('account', signIn, Date.now())), 1000)
    expect(waiting.how).toBe('pending')
  })
})
