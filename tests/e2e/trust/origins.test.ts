import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { publishedEvent } from '~~/tests/support/event-fixtures'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')

/** node:http, because fetch will not send a Host header of our choosing. */
function raw(url: string, path: string, headers: Record<string, string>, method = 'GET', body?: string) {
  return new Promise<{ status: number, headers: Record<string, string | string[] | undefined>, text: string }>((resolve, reject) => {
    const req = httpRequest(new URL(path, url), { method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

// A write that any origin check lets through answers 422 (empty body), one that it refuses 403.
const lookup = (url: string, headers: Record<string, string>) => raw(url, '/api/registrations/lookup', headers, 'POST', '{}')

describe('without PORTAL_PUBLIC_ORIGIN', () => {
  let slug: string
  beforeAll(async () => {
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    slug = (await publishedEvent(organizer)).slug
  })

  it('builds the calendar file\'s links from an allowed Host, cached publicly', async () => {
    const res = await raw(baseURL, `/api/events/${slug}/calendar.ics`, {})
    expect(res.text).toContain(`URL;VALUE=URI:${baseURL}/events/${slug}`)
    expect(res.headers['cache-control']).toMatch(/public/)
  })

  it('never links to a foreign Host, and lets no one cache that file', async () => {
    const res = await raw(baseURL, `/api/events/${slug}/calendar.ics`, { host: 'evil.test' })
    expect(res.status).toBe(200)
    expect(res.text).not.toContain('evil.test')
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('refuses a write from the same host over another scheme or port', async () => {
    const { host } = new URL(baseURL)
    expect((await lookup(baseURL, { origin: baseURL })).status).toBe(422)
    expect((await lookup(baseURL, { origin: `https://${host}` })).status).toBe(403)
    expect((await lookup(baseURL, { origin: `http://${new URL(baseURL).hostname}:1` })).status).toBe(403)
    // The proxy's word on the scheme counts only with PORTAL_TRUST_PROXY.
    expect((await lookup(baseURL, { 'origin': `https://${host}`, 'x-forwarded-proto': 'https' })).status).toBe(403)
  })

  it('sends no HSTS over plain http', async () => {
    expect((await raw(baseURL, '/api/health', {})).headers['strict-transport-security']).toBeUndefined()
  })
})

describe('behind a TLS proxy with an https public origin', () => {
  let trusted: RunningServer
  let publicHttps: RunningServer
  beforeAll(async () => {
    [trusted, publicHttps] = await Promise.all([
      startServer({ PORTAL_TRUST_PROXY: '1' }),
      startServer({ PORTAL_PUBLIC_ORIGIN: 'https://portal.example.test', PORTAL_TRUST_PROXY: '1' }),
    ])
  })
  afterAll(async () => {
    await Promise.all([trusted?.stop(), publicHttps?.stop()])
  })

  it('takes the scheme from X-Forwarded-Proto when the proxy is trusted', async () => {
    const { host } = new URL(trusted.url)
    expect((await lookup(trusted.url, { 'origin': `https://${host}`, 'x-forwarded-proto': 'https' })).status).toBe(422)
    expect((await lookup(trusted.url, { origin: `https://${host}` })).status).toBe(403)
    expect((await lookup(trusted.url, { 'origin': trusted.url, 'x-forwarded-proto': 'https' })).status).toBe(403)
  })

  it('accepts writes only from the public origin itself', async () => {
    expect((await lookup(publicHttps.url, { origin: 'https://portal.example.test' })).status).toBe(422)
    expect((await lookup(publicHttps.url, { origin: 'http://portal.example.test' })).status).toBe(403)
    expect((await lookup(publicHttps.url, { origin: 'https://portal.example.test:8443' })).status).toBe(403)
  })

  it('sends HSTS on pages and API answers', async () => {
    for (const path of ['/', '/events', '/api/health']) {
      const res = await raw(publicHttps.url, path, {})
      expect(res.status, path).toBe(200)
      expect(res.headers['strict-transport-security'], path).toMatch(/^max-age=31536000/)
    }
  })

  it('links the calendar file to the public origin whatever the Host says', async () => {
    const organizer = new ApiClient(publicHttps.url)
    await organizer.login('organizer@demo.local')
    const { slug } = await publishedEvent(organizer)
    const res = await raw(publicHttps.url, `/api/events/${slug}/calendar.ics`, { host: 'evil.test' })
    expect(res.text).toContain(`URL;VALUE=URI:https://portal.example.test/events/${slug}`)
    expect(res.text).toMatch(/^UID:[^\r\n]+@portal\.example\.test\r?$/m)
    expect(res.text).not.toContain('evil.test')
    expect(res.headers['cache-control']).toMatch(/public/)
  })
})
