import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiRoutes, writeMethods } from '../../support/routes'
import { startServer, type RunningServer } from '../../support/server'
import { ApiClient } from '../../support/session'

const routes = apiRoutes().filter(r => writeMethods.has(r.method))
const readsBody = (file: string) => readFileSync(join(import.meta.dirname, '../../../server/api', file), 'utf8').includes('validBody(')

const pollution = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty')
const junkJson = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }),
  fc.dictionary(fc.oneof(pollution, fc.string()), fc.anything({ maxDepth: 2 })),
  fc.record({ email: fc.anything(), password: fc.anything(), role: fc.anything(), displayName: fc.anything(), currentPassword: fc.anything(), newPassword: fc.anything() }, { requiredKeys: [] }),
  fc.string({ minLength: 1000, maxLength: 70_000 }).map(s => ({ email: s, password: s, displayName: s })),
  fc.integer({ min: 50, max: 3000 }).map(depth => JSON.parse('['.repeat(depth) + ']'.repeat(depth))),
).map(v => JSON.stringify(v) ?? 'null')

const junkRaw = fc.oneof(
  junkJson.map(body => ({ body, type: 'application/json' })),
  fc.uint8Array({ minLength: 1, maxLength: 200 }).map(bytes => ({ body: Buffer.from([0xFF, 0xFE, ...bytes]), type: 'application/json' })),
  fc.string().map(body => ({ body: `{"email": ${body}`, type: 'application/json' })),
  fc.string().map(body => ({ body, type: 'text/plain' })),
  fc.string().map(body => ({ body: `email=${encodeURIComponent(body)}&password[]=1&__proto__[x]=1`, type: 'application/x-www-form-urlencoded' })),
)

describe('junk input to every write route', () => {
  let server: RunningServer
  const clients: Record<string, ApiClient> = {}
  beforeAll(async () => {
    server = await startServer()
    clients.anonymous = new ApiClient(server.url)
    clients.organizer = new ApiClient(server.url)
    clients.admin = new ApiClient(server.url)
    await clients.organizer.login('organizer@demo.local')
    await clients.admin.login('admin@demo.local')
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('covers the write routes', () => {
    expect(routes.map(r => r.path)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/admin/users']))
  })

  it.each(routes)('$method $path answers junk with a JSON 4xx, never a 5xx', async ({ method, path, file }) => {
    const expectClientError = readsBody(file)
    await fc.assert(fc.asyncProperty(junkRaw, fc.constantFrom('anonymous', 'organizer', 'admin'), async (junk, who) => {
      // Signing out ends the account's sessions on the server, whatever the body: junk goes there without one.
      const client = path === '/api/auth/logout' ? clients.anonymous! : clients[who]!
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': junk.type, ...(client.cookie ? { cookie: client.cookie } : {}) },
        body: junk.body,
      })
      const text = await res.text()
      expect(res.status, text.slice(0, 300)).toBeLessThan(500)
      if (expectClientError || res.status >= 400) {
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(JSON.parse(text)).toMatchObject({ statusCode: res.status })
        expect(text).not.toMatch(/\bat .+\.(m?js|ts):\d+/)
      }
    }), { numRuns: 40 })
  })

  it('still works normally afterwards (nothing polluted, nobody logged out)', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    expect((await clients.admin!.get('/api/auth/me')).json.user.email).toBe('admin@demo.local')
    const fresh = new ApiClient(server.url)
    expect((await fresh.post('/api/auth/login', { email: 'organizer@demo.local', password: 'wrong password' })).status).toBe(401)
  })
})
