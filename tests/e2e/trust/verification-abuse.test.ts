import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mobile } from '~~/tests/support/event-fixtures'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'
import { startSmsSink } from '~~/tests/support/sms-sink'

/**
 * What others can do to a number's codes. The server believes X-Forwarded-For,
 * so each request can come from an address of its own.
 */
const GATEWAY_MS = 1500
let gateway: { delayMs: number, status: number }
let sink: Awaited<ReturnType<typeof startSmsSink>>
let server: RunningServer
const client = () => new ApiClient(server.url)
const number = () => mobile().replace(/\D/g, '').slice(-11)
const from = (address: string) => ({ 'x-forwarded-for': address })
const ask = (phone: string, address: string, purpose = 'my-data') =>
  client().request('POST', '/api/verifications', { phone, purpose }, from(address))
const confirm = (phone: string, code: string, address: string, purpose = 'my-data') =>
  client().request('POST', '/api/verifications/confirm', { phone, purpose, code }, from(address))
const textsTo = (phone: string) => sink.deliveries.filter(d => d.body.kind === 'verification' && d.body.to === phone)
const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

beforeAll(async () => {
  gateway = { delayMs: 0, status: 200 }
  sink = await startSmsSink(() => gateway)
  server = await startServer({ PORTAL_NOTIFY_PROVIDER: 'webhook', PORTAL_NOTIFY_WEBHOOK_URL: sink.url, PORTAL_TRUST_PROXY: '1' })
})
afterAll(async () => {
  await server?.stop()
  await sink?.close()
})

describe('others asking for a number\'s codes', () => {
  it('cannot replace the code the owner was sent', async () => {
    const phone = number()
    expect((await ask(phone, '10.20.0.1')).status).toBe(202)
    await sink.waitFor(() => textsTo(phone).length === 1)
    const owners = textsTo(phone)[0]!.body.params.code!
    for (let i = 2; i < 8; i++) expect((await ask(phone, `10.20.0.${i}`)).status).toBe(202)
    await new Promise(r => setTimeout(r, 500))
    // Nothing new was sent while the code is live, and it still works.
    expect(textsTo(phone)).toHaveLength(1)
    expect((await confirm(phone, owners, '10.20.0.1')).status).toBe(200)
  })

  it('cannot spend the number\'s codes: after their requests the owner still gets a code, and a new one when that one is used', async () => {
    const phone = number()
    for (let i = 1; i <= 12; i++) expect((await ask(phone, `10.21.0.${i}`)).status).toBe(202)
    await sink.waitFor(() => textsTo(phone).length >= 1)
    await new Promise(r => setTimeout(r, 500))
    expect(textsTo(phone)).toHaveLength(1)
    // The code their requests sent went to the owner's phone: the owner uses it…
    expect((await confirm(phone, sink.codeFor(phone)!, '10.21.1.1')).status).toBe(200)
    // …and asking again sends a new one (it used to be none for the rest of the hour).
    expect((await ask(phone, '10.21.1.1')).status).toBe(202)
    await sink.waitFor(() => textsTo(phone).length === 2)
    expect((await confirm(phone, sink.codeFor(phone)!, '10.21.1.1')).status).toBe(200)
  })

  it('cannot spend each new code\'s tries from one address', async () => {
    const phone = number()
    await ask(phone, '10.22.0.1')
    await sink.waitFor(() => textsTo(phone).length === 1)
    const first = sink.codeFor(phone)!
    const burnt = []
    for (let i = 0; i < 5; i++) burnt.push((await confirm(phone, otherThan(first), '10.22.9.9')).status)
    expect(burnt).toEqual([422, 422, 422, 422, 410])
    // The owner asks again and gets a new code; the same address can no longer try it.
    await ask(phone, '10.22.0.1')
    await sink.waitFor(() => textsTo(phone).length === 2)
    const second = sink.codeFor(phone)!
    const again = await confirm(phone, otherThan(second), '10.22.9.9')
    expect(again.status).toBe(429)
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await confirm(phone, second, '10.22.0.1')).status).toBe(200)
  })
})

describe('the answer to a request for a code', () => {
  it('does not wait for the gateway: as fast and the same for a new number, one with a live code, and a slow gateway', async () => {
    gateway = { delayMs: GATEWAY_MS, status: 200 }
    try {
      // The control: the gateway really is slow, so an answer that waited for it would show.
      const started = Date.now()
      await fetch(sink.url, { method: 'POST', body: JSON.stringify({ id: 'probe', to: '', kind: 'probe', params: {} }) })
      expect(Date.now() - started).toBeGreaterThanOrEqual(GATEWAY_MS - 50)

      const phone = number()
      const timed = async () => {
        const t0 = Date.now()
        const res = await ask(phone, '10.23.0.1')
        return { status: res.status, keys: Object.keys(res.json).sort(), ms: Date.now() - t0 }
      }
      const fresh = await timed()
      const live = await timed()
      expect(fresh.status).toBe(202)
      expect(live).toMatchObject({ status: fresh.status, keys: fresh.keys })
      expect(fresh.ms).toBeLessThan(GATEWAY_MS / 3)
      expect(live.ms).toBeLessThan(GATEWAY_MS / 3)
      // The text still goes out, after the answer.
      await sink.waitFor(() => textsTo(phone).length === 1)
    }
    finally {
      gateway = { delayMs: 0, status: 200 }
    }
  })

  it('is the same 202 when the gateway fails, and a code that could not be sent does not block the next', async () => {
    gateway = { delayMs: 0, status: 503 }
    const phone = number()
    try {
      const failed = await ask(phone, '10.24.0.1')
      expect(failed.status).toBe(202)
      await sink.waitFor(() => textsTo(phone).length === 1)
    }
    finally {
      gateway = { delayMs: 0, status: 200 }
    }
    // The failed code was ended, so asking again sends a new one that works.
    await new Promise(r => setTimeout(r, 300))
    expect((await ask(phone, '10.24.0.1')).status).toBe(202)
    await sink.waitFor(() => textsTo(phone).length === 2)
    expect((await confirm(phone, sink.codeFor(phone)!, '10.24.0.1')).status).toBe(200)
  })
})
