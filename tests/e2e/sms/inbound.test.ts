import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '~~/tests/support/server'

// A server of its own: the suite's shared one has no webhook secret, so it refuses every inbound message.
const secret = 'inbound-test-secret'
let server: RunningServer
beforeAll(async () => {
  server = await startServer({ PORTAL_NOTIFY_WEBHOOK_SECRET: secret, PORTAL_RATE_SCALE: '100' })
}, 60_000)
afterAll(async () => {
  await server?.stop()
})

let n = 0
const message = (overrides: Record<string, unknown> = {}) => JSON.stringify({ id: `e2e-${Date.now()}-${++n}`, from: '+86 139 0000 0000', text: '0', receivedAt: new Date().toISOString(), ...overrides })
const sign = (body: string, key = secret) => `sha256=${createHmac('sha256', key).update(body).digest('hex')}`

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/sms/inbound`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
  return { status: res.status, json: await res.json().catch(() => undefined) }
}

describe('POST /api/sms/inbound', () => {
  it('refuses a message without a signature, with another secret\'s, or whose body was changed after signing', async () => {
    const body = message()
    expect((await post(body)).status).toBe(401)
    expect((await post(body, { 'x-portal-signature': sign(body, 'wrong') })).status).toBe(401)
    expect((await post(body.replace('"0"', '"1"'), { 'x-portal-signature': sign(body) })).status).toBe(401)
    // Control: the same body, rightly signed, is taken.
    expect((await post(body, { 'x-portal-signature': sign(body) })).status).toBe(200)
  })

  it('answers a number without a booking with nothing, and the same id twice once', async () => {
    const body = message()
    expect(await post(body, { 'x-portal-signature': sign(body) })).toEqual({ status: 200, json: { outcome: 'no-booking' } })
    expect(await post(body, { 'x-portal-signature': sign(body) })).toEqual({ status: 200, json: { outcome: 'duplicate' } })
  })

  it('says what is wrong with a signed body that is not a message', async () => {
    const notJson = '{"id":'
    expect((await post(notJson, { 'x-portal-signature': sign(notJson) })).status).toBe(400)
    const missing = JSON.stringify({ id: 'x', text: '0' })
    const res = await post(missing, { 'x-portal-signature': sign(missing) })
    expect(res.status).toBe(422)
    expect(Object.keys(res.json.data.fieldErrors).sort()).toEqual(['from', 'receivedAt'])
  })

  it('is not held to the browser same-origin rule (it is signed, not cookie-based); other write routes still are', async () => {
    const body = message()
    const crossSite = { 'origin': 'https://gateway-console.example', 'sec-fetch-site': 'cross-site' }
    expect((await post(body, { ...crossSite, 'x-portal-signature': sign(body) })).status).toBe(200)
    expect((await post(message(), crossSite)).status).toBe(401)
    // Control: the same headers on a resident's write route are refused.
    const cancel = await fetch(`${server.url}/api/registrations/cancel`, { method: 'POST', headers: { 'content-type': 'application/json', ...crossSite }, body: '{}' })
    expect(cancel.status).toBe(403)
  })
})
