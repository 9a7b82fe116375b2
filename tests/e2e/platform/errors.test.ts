import { describe, expect, inject, it } from 'vitest'

const baseURL = inject('baseURL')
const send = async (path: string, body?: unknown) => {
  const res = await fetch(`${baseURL}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: res.status, statusText: res.statusText, json: await res.json() as { statusCode: number, statusMessage: string } }
}

describe('errors say what they are', () => {
  it('carries the standard reason phrase for its status, in the status line and the body, never "Server Error" on a 4xx', async () => {
    const notFound = await send('/api/events/no-such-event-here')
    const invalid = await send('/api/auth/login', {})
    // A made-up account: the per-account lock-out (five tries) answers the sixth with 429.
    const email = `nobody-${Date.now()}@example.org`
    let limited = await send('/api/auth/login', { email, password: 'wrong-password' })
    for (let i = 0; i < 6 && limited.status !== 429; i++) limited = await send('/api/auth/login', { email, password: 'wrong-password' })
    expect([notFound, invalid, limited].map(r => [r.status, r.statusText, r.json.statusMessage])).toEqual([
      [404, 'Not Found', 'Not Found'],
      [422, 'Unprocessable Entity', 'Unprocessable Entity'],
      [429, 'Too Many Requests', 'Too Many Requests'],
    ])
  })

  it('answers liveness apart from readiness', async () => {
    const live = await fetch(`${baseURL}/api/health/live`)
    expect(live.status).toBe(200)
    expect(live.headers.get('cache-control')).toBe('no-store')
    expect(await live.json()).toEqual({ ok: true })
  })
})
