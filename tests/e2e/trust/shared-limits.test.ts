import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient, DEMO_PASSWORD } from '~~/tests/support/session'

// The Redis on this machine and in CI; this run's keys stay under their own prefix.
const REDIS_URL = 'redis://127.0.0.1:6379'

/** Two instances behind one load balancer: requests go to either, in turn. */
function pair(servers: RunningServer[]) {
  const clients = servers.map(s => new ApiClient(s.url))
  let next = 0
  return (path: string, body: unknown, address: string) => clients[next++ % clients.length]!.request('POST', path, body, { 'x-forwarded-for': address }).then(r => r.status)
}
const wrongPasswords = (send: ReturnType<typeof pair>, n: number) =>
  Array.from({ length: n }, (_, i) => i).reduce<Promise<number[]>>(async (done, i) => [...await done, await send('/api/auth/login', { email: 'organizer@demo.local', password: `wrong-${i}` }, `10.3.0.${i + 1}`)], Promise.resolve([]))
// A different code each time: one code allows only 10 tries an hour whoever asks, and this test is about the per-address limit.
let lookupCount = 0
const lookups = (send: ReturnType<typeof pair>, n: number) =>
  Array.from({ length: n }, () => 0).reduce<Promise<number[]>>(async done => [...await done, await send('/api/registrations/lookup', { phone: '13800138000', code: `NS${String(++lookupCount).padStart(6, '0')}` }, '10.3.1.1')], Promise.resolve([]))

describe('limits shared by two instances through Redis (PORTAL_REDIS_URL)', () => {
  const prefix = `portal-test-${randomUUID()}`
  const redis = new Redis(REDIS_URL)
  let servers: RunningServer[] = []
  beforeAll(async () => {
    servers = await Promise.all([1, 2].map(() => startServer({ PORTAL_TRUST_PROXY: '1', PORTAL_REDIS_URL: REDIS_URL, PORTAL_REDIS_PREFIX: prefix })))
  })
  afterAll(async () => {
    await Promise.all(servers.map(s => s.stop()))
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  })

  it('locks the account out at the sixth wrong password in total, sent to either instance', async () => {
    const send = pair(servers)
    expect(await wrongPasswords(send, 6)).toEqual([401, 401, 401, 401, 401, 429])
    // Locked on both, even for the right password.
    expect(await send('/api/auth/login', { email: 'organizer@demo.local', password: DEMO_PASSWORD }, '10.3.0.100')).toBe(429)
    expect(await send('/api/auth/login', { email: 'organizer@demo.local', password: DEMO_PASSWORD }, '10.3.0.101')).toBe(429)
    expect((await redis.keys(`${prefix}:ratelimit:login-account:*`)).length).toBe(1)
  })

  it('holds a resident\'s look-up limit (30 per address) across both', async () => {
    const statuses = await lookups(pair(servers), 32)
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404))
    expect(statuses.slice(30)).toEqual([429, 429])
  })
})

describe('control: without Redis each instance counts alone', () => {
  let servers: RunningServer[] = []
  beforeAll(async () => {
    servers = await Promise.all([1, 2].map(() => startServer({ PORTAL_TRUST_PROXY: '1' })))
  })
  afterAll(async () => {
    await Promise.all(servers.map(s => s.stop()))
  })

  it('lets the sixth wrong password through and misses the look-up limit', async () => {
    const send = pair(servers)
    expect(await wrongPasswords(send, 6)).toEqual(Array(6).fill(401))
    expect(await lookups(send, 32)).toEqual(Array(32).fill(404))
  })
})
