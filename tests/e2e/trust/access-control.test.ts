import { describe, expect, inject, it } from 'vitest'
import { apiRoutes } from '~~/tests/support/routes'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const routes = apiRoutes()
const guarded = routes.filter(r => /^(admin|organizer|assisted)\//.test(r.file))
const adminOnly = guarded.filter(r => r.file.startsWith('admin/'))
const staffOnly = guarded.filter(r => !r.file.startsWith('assisted/'))
const helperOnly = guarded.filter(r => r.file.startsWith('assisted/'))

describe('the door to organizer and admin routes', () => {
  it('finds the guarded routes', () => {
    expect(adminOnly.length).toBeGreaterThan(3)
    expect(guarded.length).toBeGreaterThan(adminOnly.length)
  })

  it.each(guarded)('$method $path answers 401 without a session', async ({ method, path }) => {
    const res = await new ApiClient(baseURL).request(method, path, method === 'GET' ? undefined : {})
    expect(res.status).toBe(401)
    expect(res.json).toMatchObject({ statusCode: 401 })
  })

  it.each(adminOnly)('$method $path answers 403 to an organizer', async ({ method, path }) => {
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const res = await organizer.request(method, path, method === 'GET' ? undefined : {})
    expect(res.status).toBe(403)
  })

  // A helper (协助人员) books for residents and does nothing else: no organiser's, reviewer's or admin's route.
  it.each(staffOnly)('$method $path answers 403 to a helper', async ({ method, path }) => {
    const helper = new ApiClient(baseURL)
    await helper.login('helper@demo.local')
    const res = await helper.request(method, path, method === 'GET' ? undefined : {})
    expect(res.status).toBe(403)
  })

  it.each(helperOnly)('$method $path answers 403 to an organizer and an admin', async ({ method, path }) => {
    for (const email of ['organizer@demo.local', 'admin@demo.local']) {
      const staff = new ApiClient(baseURL)
      await staff.login(email)
      expect((await staff.request(method, path, method === 'GET' ? undefined : {})).status, email).toBe(403)
    }
  })

  it('cannot be walked around with odd spellings of the path', async () => {
    const client = new ApiClient(baseURL)
    for (const path of ['/api/admin/users/', '/api//admin/users', '/api/Admin/users', '/api/%61dmin/users', '/api/admin/./users']) {
      const res = await client.get(path)
      expect([401, 404], path).toContain(res.status)
      expect(res.text).not.toContain('admin@demo.local')
    }
  })

  it('keeps an organizer to their own organisation', async () => {
    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    const email = `other-${Date.now()}@example.org`
    const { initialPassword } = (await admin.post('/api/admin/users', { email, displayName: '赵馆长', role: 'organizer', organisationCode: 'binhai-library' })).json
    const other = new ApiClient(baseURL)
    await other.login(email, initialPassword)
    await other.post('/api/auth/password', { currentPassword: initialPassword, newPassword: 'binhai library 2026' })
    const mine = await other.get('/api/organizer/organisation')
    expect(mine.json.organisation.code).toBe('binhai-library')
    expect(JSON.stringify(mine.json)).not.toContain('organizer@demo.local')
  })
})
