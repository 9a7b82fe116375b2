import { describe, expect, inject, it } from 'vitest'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')

describe('accounts and sessions', () => {
  it('signs in, reports the user, and signs out', async () => {
    const client = new ApiClient(baseURL)
    expect((await client.get('/api/auth/me')).status).toBe(401)
    const user = await client.login('organizer@demo.local')
    expect(user).toMatchObject({ email: 'organizer@demo.local', role: 'organizer', organisationId: expect.any(String) })
    expect((await client.get('/api/auth/me')).json.user.email).toBe('organizer@demo.local')
    // Signing out ends every session of the account, so it is tried on an account of its own, not the demo organizer other files use.
    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    const email = `signout-${Date.now()}@example.org`
    const { initialPassword } = (await admin.post('/api/admin/users', { email, displayName: '赵老师', role: 'organizer', organisationCode: 'tianjin-library' })).json
    const leaving = new ApiClient(baseURL)
    await leaving.login(email, initialPassword)
    expect((await leaving.get('/api/auth/me')).status).toBe(200)
    expect((await leaving.post('/api/auth/logout')).status).toBe(200)
    expect((await leaving.get('/api/auth/me')).status).toBe(401)
  })

  it('sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await fetch(`${baseURL}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.local', password: 'demo-password-2026' }),
    })
    const cookie = res.headers.getSetCookie().find(c => c.startsWith('nuxt-session='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/Secure/i) // plain HTTP here; see the proxy test for HTTPS
  })

  it('gives one answer for a wrong password and an unknown account', async () => {
    const client = new ApiClient(baseURL)
    const wrong = await client.post('/api/auth/login', { email: 'admin@demo.local', password: 'not-the-password' })
    const unknown = await client.post('/api/auth/login', { email: 'nobody@demo.local', password: 'not-the-password' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.json.message).toBe(unknown.json.message)
  })

  it('lets an admin create an organizer who must change the initial password, and disable them', async () => {
    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    const email = `organizer-${Date.now()}@example.org`
    const created = await admin.post('/api/admin/users', { email, displayName: '李老师', role: 'organizer', organisationCode: 'tianjin-library' })
    expect(created.status).toBe(201)
    const { initialPassword, user } = created.json
    expect(initialPassword).toMatch(/^[a-z2-9]{16}$/)
    expect(user.mustChangePassword).toBe(true)
    expect((await admin.post('/api/admin/users', { email, displayName: 'x', role: 'admin' })).status).toBe(409)

    const staff = new ApiClient(baseURL)
    await staff.login(email, initialPassword)
    const blocked = await staff.get('/api/organizer/organisation')
    expect(blocked.status).toBe(403)
    expect(blocked.json.data.reason).toBe('password-change-required')
    expect((await staff.post('/api/auth/password', { currentPassword: initialPassword, newPassword: 'a new passphrase 2026' })).status).toBe(200)
    const org = await staff.get('/api/organizer/organisation')
    expect(org.status).toBe(200)
    expect(org.json.organisation.code).toBe('tianjin-library')

    expect((await admin.post(`/api/admin/users/${user.id}/disable`)).status).toBe(200)
    expect((await staff.get('/api/auth/me')).status).toBe(401) // the session ended with the disable
    expect((await new ApiClient(baseURL).post('/api/auth/login', { email, password: 'a new passphrase 2026' })).status).toBe(401)
    expect((await admin.post(`/api/admin/users/${user.id}/enable`)).status).toBe(200)
    await new ApiClient(baseURL).login(email, 'a new passphrase 2026')

    const audit = await admin.get('/api/admin/audit?pageSize=100')
    const actions = audit.json.items.filter((e: { targetId: string }) => e.targetId === user.id).map((e: { action: string }) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.password-change', 'user.disable', 'user.enable']))
  })

  it('ends other sessions when the password changes', async () => {
    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    const email = `pw-${Date.now()}@example.org`
    const { initialPassword } = (await admin.post('/api/admin/users', { email, displayName: '王站长', role: 'organizer', organisationCode: 'tianjin-library' })).json
    const phone = new ApiClient(baseURL)
    const desk = new ApiClient(baseURL)
    await phone.login(email, initialPassword)
    await desk.login(email, initialPassword)
    expect((await desk.post('/api/auth/password', { currentPassword: initialPassword, newPassword: 'another passphrase' })).status).toBe(200)
    expect((await desk.get('/api/auth/me')).status).toBe(200)
    expect((await phone.get('/api/auth/me')).status).toBe(401)
  })

  it('rejects a bad password change with field errors', async () => {
    const client = new ApiClient(baseURL)
    await client.login('organizer@demo.local')
    const short = await client.post('/api/auth/password', { currentPassword: 'demo-password-2026', newPassword: 'short' })
    expect(short.status).toBe(422)
    expect(Object.keys(short.json.data.fieldErrors)).toEqual(['newPassword'])
    const wrong = await client.post('/api/auth/password', { currentPassword: 'wrong-password', newPassword: 'long enough password' })
    expect(wrong.status).toBe(422)
    expect(Object.keys(wrong.json.data.fieldErrors)).toEqual(['currentPassword'])
  })
})

describe('staff pages', () => {
  it('send a visitor without a session to sign in, and back afterwards', async () => {
    for (const path of ['/organizer', '/organizer/events', '/admin/users']) {
      const res = await fetch(`${baseURL}${path}`, { redirect: 'manual' })
      expect(res.status, path).toBe(302)
      expect(new URL(res.headers.get('location')!, baseURL).searchParams.get('redirect'), path).toBe(path)
      expect(new URL(res.headers.get('location')!, baseURL).pathname).toBe('/login')
    }
  })

  it('refuse admin pages to an organizer', async () => {
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const res = await fetch(`${baseURL}/admin/users`, { headers: { cookie: organizer.cookie }, redirect: 'manual' })
    expect(res.status).toBe(403)
  })
})

describe('requests from other sites', () => {
  it('refuses state changes from another origin or a cross-site fetch', async () => {
    const client = new ApiClient(baseURL)
    const body = { email: 'admin@demo.local', password: 'demo-password-2026' }
    expect((await client.request('POST', '/api/auth/login', body, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await client.request('POST', '/api/auth/login', body, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await client.request('POST', '/api/auth/login', body, { 'origin': baseURL, 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    // Reads are not state changes.
    expect((await client.request('GET', '/api/health', undefined, { origin: 'https://evil.example' })).status).toBe(200)
  })
})

describe('security headers', () => {
  it('sends a strict CSP and the other headers on pages and on JSON', async () => {
    const page = await fetch(`${baseURL}/`)
    const csp = page.headers.get('content-security-policy')!
    expect(csp).toContain('frame-ancestors \'none\'')
    expect(csp).toContain('default-src \'self\'')
    expect(csp).not.toMatch(/https?:\/\//) // no third-party origin anywhere
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(page.headers.get('permissions-policy')).toContain('camera=()')
    const json = await fetch(`${baseURL}/api/health`)
    expect(json.headers.get('content-security-policy')).toBe('default-src \'none\'; frame-ancestors \'none\'')
    expect(json.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers an oversized body with 413', async () => {
    const res = await fetch(`${baseURL}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@b.cn', password: 'x'.repeat(200_000) }),
    })
    expect(res.status).toBe(413)
  })
})
