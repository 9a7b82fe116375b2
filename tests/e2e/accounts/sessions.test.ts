import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
/** What someone who copied the cookie can do with it. */
const withCookie = (server: RunningServer, cookie: string, path: string) => fetch(`${server.url}${path}`, { headers: { cookie } }).then(r => r.status)

// Own servers: sign-out ends every session of the account, and the timeouts here are seconds.
describe('sessions end', () => {
  const servers: RunningServer[] = []
  afterAll(async () => {
    await Promise.all(servers.map(s => s.stop()))
  })
  const start = async (env: Record<string, string> = {}) => {
    const server = await startServer(env)
    servers.push(server)
    return server
  }

  describe('at sign-out', () => {
    let server: RunningServer
    beforeAll(async () => {
      server = await start()
    })

    it('a copied cookie fails after sign-out, on /api/auth/me and on the attendee list', async () => {
      const organizer = new ApiClient(server.url)
      await organizer.login('organizer@demo.local')
      const copy = organizer.cookie
      const eventId = (await organizer.get('/api/organizer/events')).json.items[0]?.id
      expect(eventId).toBeTruthy()
      expect(await withCookie(server, copy, '/api/auth/me')).toBe(200)
      expect(await withCookie(server, copy, `/api/organizer/events/${eventId}/registrations`)).toBe(200)

      expect((await organizer.post('/api/auth/logout')).status).toBe(200)
      expect(await withCookie(server, copy, '/api/auth/me')).toBe(401)
      expect(await withCookie(server, copy, `/api/organizer/events/${eventId}/registrations`)).toBe(401)
      // Signing in again works, with a new cookie; the old copy stays dead.
      await organizer.login('organizer@demo.local')
      expect((await organizer.get('/api/auth/me')).status).toBe(200)
      expect(await withCookie(server, copy, '/api/auth/me')).toBe(401)
    })
  })

  describe('at the end of their lifetime', () => {
    it('a copied cookie, and the session still in use, fail once the lifetime is over', async () => {
      const server = await start({ PORTAL_SESSION_MAX_AGE_SECONDS: '3' })
      const organizer = new ApiClient(server.url)
      await organizer.login('organizer@demo.local')
      const copy = organizer.cookie
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.local', password: 'demo-password-2026' }) })
      const expires = /Expires=([^;]+)/i.exec(res.headers.getSetCookie().find(c => c.startsWith('nuxt-session='))!)![1]!
      // The browser drops the cookie then too.
      expect(Math.abs(Date.parse(expires) - Date.now() - 3000)).toBeLessThan(2000)
      await sleep(1500)
      expect((await organizer.get('/api/auth/me')).status).toBe(200)
      expect(await withCookie(server, copy, '/api/auth/me')).toBe(200)
      await sleep(2000)
      expect(await withCookie(server, copy, '/api/auth/me')).toBe(401)
      expect((await organizer.get('/api/auth/me')).status).toBe(401)
    })
  })

  describe('when idle', () => {
    it('a session in use lives on; a copy unused for longer than the idle timeout fails', async () => {
      const server = await start({ PORTAL_SESSION_IDLE_SECONDS: '2' })
      const organizer = new ApiClient(server.url)
      await organizer.login('organizer@demo.local')
      const copy = organizer.cookie
      for (let i = 0; i < 6; i++) {
        await sleep(500)
        expect((await organizer.get('/api/auth/me')).status, `request ${i}`).toBe(200)
      }
      // 3 s since the copy was last used: idle for longer than 2 s.
      expect(await withCookie(server, copy, '/api/auth/me')).toBe(401)
      expect((await organizer.get('/api/auth/me')).status).toBe(200)
      await sleep(2500)
      expect((await organizer.get('/api/auth/me')).status).toBe(401)
    })
  })
})
