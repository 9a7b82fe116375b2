import { describe, expect, inject, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const request = (path: string, init: RequestInit = {}) => fetch(new URL(path, baseURL), { redirect: 'manual', ...init })

describe('HTTP done right', () => {
  it('answers HEAD wherever GET works, with GET\'s headers and no body', async () => {
    for (const path of ['/api/health', '/api/health/live', '/api/events', '/api/venues', '/api/city', '/api/openapi.json', '/api/statistics/datapackage.json', '/events']) {
      const [get, head] = [await request(path), await request(path, { method: 'HEAD' })]
      expect(head.status, path).toBe(get.status)
      expect(head.status, path).toBe(200)
      expect(head.headers.get('content-type'), path).toBe(get.headers.get('content-type'))
      expect(await head.text(), path).toBe('')
    }
    // A staff route's HEAD is refused as its GET is.
    expect((await request('/api/organizer/events', { method: 'HEAD' })).status).toBe(401)
  })

  it('gives API GETs a strong ETag and answers If-None-Match with 304', async () => {
    const first = await request('/api/venues?pageSize=3')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await request('/api/venues?pageSize=3', { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')
    // Compressed, the tag names the coding too, and still matches.
    const compressed = await request('/api/events?pageSize=20', { headers: { 'accept-encoding': 'br' } })
    expect(compressed.headers.get('content-encoding')).toBe('br')
    const coded = compressed.headers.get('etag')!
    expect(coded).toMatch(/^"[\w-]+-br"$/)
    expect((await request('/api/events?pageSize=20', { headers: { 'accept-encoding': 'br', 'if-none-match': coded } })).status).toBe(304)
    // Another tag, or changed content, is a 200.
    expect((await request('/api/venues?pageSize=3', { headers: { 'if-none-match': '"something-else"' } })).status).toBe(200)
    expect((await request('/api/venues?pageSize=2', { headers: { 'if-none-match': etag } })).status).toBe(200)
  })

  it('answers a page revalidation with 304, rendered or from the page cache, without a stale nonce policy', async () => {
    const path = `/about?etag=${Date.now()}`
    const first = await request(path)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"[\w-]+"$/)
    const hit = await request(path)
    expect(hit.headers.get('x-page-cache')).toBe('hit')
    expect(hit.headers.get('etag')).toBe(etag)
    const revalidated = await request(path, { headers: { 'if-none-match': etag } })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('content-security-policy')).toBeNull()
    expect(revalidated.headers.get('cache-control')).toBe('public, no-cache')
    // Rendered afresh (another language: not in the cache yet) it carries the same kind of tag, and matches itself.
    const english = await request(path, { headers: { 'accept-language': 'en' } })
    const englishTag = english.headers.get('etag')!
    expect(englishTag).not.toBe(etag)
    expect((await request(path, { headers: { 'accept-language': 'en', 'if-none-match': englishTag } })).status).toBe(304)
  })

  it('says on every page what it varies on and whether it may be kept', async () => {
    for (const path of ['/', '/events', '/about', '/courses']) {
      const res = await request(path, { headers: { 'accept-encoding': 'gzip' } })
      expect(res.headers.get('cache-control'), path).toBe('public, no-cache')
      expect(res.headers.get('vary')?.split(/,\s*/).map(v => v.toLowerCase()).sort(), path).toEqual(['accept-encoding', 'accept-language', 'cookie'])
    }
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const { slug } = await publishedEvent(organizer)
    const booked = await new ApiClient(baseURL).post(`/api/events/${slug}/registrations`, { name: '王秀英', phone: mobile(), partySize: 1, consent: true })
    expect(booked.status).toBe(201)
    for (const path of ['/my-bookings', '/my-data', `/tickets/${booked.json.ticketToken}`, '/login', '/courses/resume']) {
      const res = await request(path)
      expect(res.headers.get('cache-control'), path).toBe('private, no-store')
      expect(res.status, path).toBe(200)
      expect(res.headers.get('etag'), path).toBeNull()
    }
    const staff = await organizer.get('/events')
    expect(staff.headers.get('cache-control')).toBe('private, no-store')
    const staffPage = await organizer.get('/organizer')
    expect(staffPage.headers.get('cache-control')).toBe('private, no-store')
  })

  it('lets any origin read the public API and the open data, and nothing else', async () => {
    const origin = { origin: 'https://app.example.org' }
    for (const path of ['/api/events', '/api/statistics/datapackage.json', '/api/city', '/api/health']) {
      const res = await request(path, { headers: origin })
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*')
      expect(res.headers.get('access-control-expose-headers'), path).toContain('ETag')
    }
    const preflight = await request('/api/events', { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS')
    expect(preflight.headers.get('access-control-allow-headers')).toBe('if-none-match')
    // A preflight for a booking, a staff route, a personal one: no CORS at all.
    const booking = await request('/api/events/x/registrations', { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'POST' } })
    expect(booking.headers.get('access-control-allow-origin')).toBeNull()
    const staff = await request('/api/organizer/events', { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'GET' } })
    expect(staff.headers.get('access-control-allow-origin')).toBeNull()
    expect((await request('/api/organizer/events', { headers: origin })).headers.get('access-control-allow-origin')).toBeNull()
    expect((await request('/api/tickets/not-a-ticket', { headers: origin })).headers.get('access-control-allow-origin')).toBeNull()
    const post = await request('/api/registrations/lookup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(post.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers API errors as problem details for clients that ask, and as before for the rest', async () => {
    const asked = { 'accept': 'application/problem+json', 'content-type': 'application/json' }
    const invalid = await request('/api/registrations/lookup', { method: 'POST', headers: asked, body: JSON.stringify({ phone: '12' }) })
    expect(invalid.status).toBe(422)
    expect(invalid.headers.get('content-type')).toBe('application/problem+json')
    const problem = await invalid.json()
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Unprocessable Entity', status: 422, instance: '/api/registrations/lookup' })
    expect(problem.fieldErrors.phone.length).toBeGreaterThan(0)
    expect(typeof problem.detail).toBe('string')

    const malformed = await request('/api/registrations/lookup', { method: 'POST', headers: asked, body: '{"phone":' })
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).status).toBe(400)

    const missing = await request('/api/events/no-such-event-anywhere', { headers: { accept: 'application/problem+json' } })
    expect([missing.status, missing.headers.get('content-type')]).toEqual([404, 'application/problem+json'])
    expect(missing.headers.get('vary')).toMatch(/Accept/)
    const head = await request('/api/events/no-such-event-anywhere', { method: 'HEAD', headers: { accept: 'application/problem+json' } })
    expect(head.status).toBe(404)

    // The portal's own pages and other clients keep { statusCode, message, data }.
    const plain = await request('/api/registrations/lookup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '12' }) })
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await plain.json()).toMatchObject({ statusCode: 422, data: { fieldErrors: { phone: expect.any(Array) } } })
    // A page keeps its friendly error page.
    const page = await request('/events/no-such-event-anywhere', { headers: { accept: 'text/html,application/problem+json;q=0.1' } })
    expect(page.status).toBe(404)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
  })
})
