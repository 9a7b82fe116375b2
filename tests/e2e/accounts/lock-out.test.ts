import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient, DEMO_PASSWORD } from '~~/tests/support/session'

const count = (statuses: number[], status: number) => statuses.filter(s => s === status).length
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

// Own server: the bursts lock the demo organizer out.
describe('the sign-in lock-out under concurrent attempts', () => {
  let server: RunningServer
  let client: ApiClient
  beforeAll(async () => {
    server = await startServer({ PORTAL_TRUST_PROXY: '1' })
    client = new ApiClient(server.url)
  })
  afterAll(async () => {
    await server?.stop()
  })
  // Each burst from its own address, so the per-address limit (30) plays no part.
  const attempt = (email: string, password: string, address: string) =>
    client.request('POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': address }).then(r => r.status)

  it('checks at most 5 of 20 concurrent wrong passwords', async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('organizer@demo.local', `wrong-${i}`, '10.2.0.1')))
    expect(count(statuses, 401)).toBe(5)
    expect(count(statuses, 429)).toBe(15)
    expect(await attempt('organizer@demo.local', DEMO_PASSWORD, '10.2.0.2')).toBe(429)
  })

  it('control: 20 concurrent wrong passwords for 20 accounts are all checked (the 429s above are the lock-out)', async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(`nobody-${i}@demo.local`, 'wrong-password', '10.2.0.3')))
    expect(count(statuses, 401)).toBe(20)
  })

  it('refuses the right password sent together with 15 wrong ones', async () => {
    const answered: string[] = []
    const wrong = Array.from({ length: 15 }, (_, i) => attempt('admin@demo.local', `wrong-${i}`, '10.2.0.4').then((s) => {
      answered.push(`wrong ${s}`)
      return s
    }))
    // A moment later, so the wrong ones reach the server first, while their hashes are still being checked.
    await sleep(30)
    const right = await attempt('admin@demo.local', DEMO_PASSWORD, '10.2.0.4')
    answered.push(`right ${right}`)
    const statuses = await Promise.all(wrong)
    expect(right).toBe(429)
    expect(count(statuses, 401)).toBe(5)
    // It was refused while checks of the wrong ones were still running: the attempts were concurrent.
    expect(answered.indexOf(`right ${right}`)).toBeLessThan(answered.lastIndexOf('wrong 401'))
  })
})

describe('a correct sign-in before the lock-out', () => {
  it('clears the failures', async () => {
    const server = await startServer({ PORTAL_TRUST_PROXY: '1' })
    try {
      const client = new ApiClient(server.url)
      const attempt = (password: string) => client.request('POST', '/api/auth/login', { email: 'organizer@demo.local', password }, { 'x-forwarded-for': '10.2.1.1' }).then(r => r.status)
      for (let i = 0; i < 4; i++) expect(await attempt(`wrong-${i}`)).toBe(401)
      expect(await attempt(DEMO_PASSWORD)).toBe(200)
      // Five fresh failures are allowed again; the sixth attempt is locked out.
      for (let i = 0; i < 5; i++) expect(await attempt(`wrong-again-${i}`)).toBe(401)
      expect(await attempt(DEMO_PASSWORD)).toBe(429)
    }
    finally {
      await server.stop()
    }
  })
})
