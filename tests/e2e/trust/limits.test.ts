import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runServerUntilStopped, startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient, DEMO_PASSWORD } from '~~/tests/support/session'

// Own servers: lock-outs here must not lock out the other test files.
describe('sign-in rate limits', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ PORTAL_TRUST_PROXY: '1' })
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('locks an account after 5 failures, even for the right password, with Retry-After', async () => {
    const client = new ApiClient(server.url)
    const headers = { 'x-forwarded-for': '10.0.0.1' }
    for (let i = 0; i < 5; i++) {
      expect((await client.request('POST', '/api/auth/login', { email: 'organizer@demo.local', password: `wrong-${i}` }, headers)).status).toBe(401)
    }
    const locked = await client.request('POST', '/api/auth/login', { email: 'organizer@demo.local', password: DEMO_PASSWORD }, headers)
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60)
    // Another account from the same address is not affected.
    expect((await client.request('POST', '/api/auth/login', { email: 'admin@demo.local', password: DEMO_PASSWORD }, headers)).status).toBe(200)
  })

  it('limits attempts per address across accounts', async () => {
    const client = new ApiClient(server.url)
    const headers = { 'x-forwarded-for': '10.0.0.2' }
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) {
      statuses.push((await client.request('POST', '/api/auth/login', { email: `user${i}@example.org`, password: 'whatever-it-is' }, headers)).status)
    }
    expect(statuses.slice(0, 30).every(s => s === 401)).toBe(true)
    expect(statuses.slice(30)).toEqual([429, 429])
    // A different address still gets in.
    expect((await client.request('POST', '/api/auth/login', { email: 'admin@demo.local', password: DEMO_PASSWORD }, { 'x-forwarded-for': '10.0.0.3' })).status).toBe(200)
  })

  it('marks the session cookie Secure when the request came over HTTPS through the proxy', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.0.0.4' },
      body: JSON.stringify({ email: 'admin@demo.local', password: DEMO_PASSWORD }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.getSetCookie().find(c => c.startsWith('nuxt-session='))).toMatch(/;\s*Secure/i)
  })
})

describe('secrets at start-up', () => {
  it('refuses to start on PostgreSQL without NUXT_SESSION_PASSWORD', async () => {
    const { code, output } = await runServerUntilStopped({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', NUXT_SESSION_PASSWORD: '' })
    expect(code).not.toBe(0)
    expect(output).toContain('NUXT_SESSION_PASSWORD is required when DATABASE_URL is set')
  })

  it('generates the session secret once for the embedded database and keeps it across restarts', async () => {
    const first = await startServer()
    const client = new ApiClient(first.url)
    await client.login('admin@demo.local')
    await first.stop()
    const second = await startServer({ PORTAL_DATA_DIR: first.dataDir })
    try {
      client.baseURL = second.url
      expect((await client.get('/api/auth/me')).status).toBe(200)
    }
    finally {
      await second.stop()
    }
  })
})
