import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { z } from 'zod'
import { responseSchemas } from '~~/server/openapi/document'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'
import { startSmsSink } from '~~/tests/support/sms-sink'

const SECRET = 'city-gateway-secret'
const TEMPLATES = { confirmed: 'SMS_100001', verification: 'SMS_100009' }

let sink: Awaited<ReturnType<typeof startSmsSink>>
let server: RunningServer
let resident: ApiClient
let organizer: ApiClient
let failNext = 0

/** As in the OpenAPI test: the document's schema accepts the response and describes all of it. */
function expectDocumented(name: keyof typeof responseSchemas, body: unknown) {
  const parsed = (responseSchemas[name] as z.ZodType).safeParse(body)
  expect(parsed.error?.issues, name).toBeUndefined()
  expect(parsed.data, name).toEqual(body)
}

beforeAll(async () => {
  sink = await startSmsSink(() => (failNext > 0 ? (failNext--, { status: 503 }) : {}))
  server = await startServer({
    PORTAL_NOTIFY_PROVIDER: 'webhook', PORTAL_NOTIFY_WEBHOOK_URL: sink.url, PORTAL_NOTIFY_WEBHOOK_SECRET: SECRET,
    PORTAL_NOTIFY_TEMPLATES: JSON.stringify(TEMPLATES), PORTAL_RATE_SCALE: '100', PORTAL_PUBLIC_ORIGIN: 'https://portal.example.gov.cn', PORTAL_TRUST_PROXY: '1',
  })
  resident = new ApiClient(server.url)
  organizer = new ApiClient(server.url)
  await organizer.login('organizer@demo.local')
})
afterAll(async () => {
  await server?.stop()
  await sink?.close()
})

const book = async (slug: string, phone = mobile(), name = '宋秀英') => {
  const res = await resident.post(`/api/events/${slug}/registrations`, { phone, name, partySize: 1, consent: true })
  expect(res.status).toBe(201)
  return { ...res.json, phone: phone.replace(/\D/g, '').slice(-11) } as { code: string, ticketToken: string, phone: string }
}

async function verified(phone: string, purpose = 'my-data') {
  const before = sink.deliveries.length
  const asked = await resident.post('/api/verifications', { phone, purpose })
  expect(asked.status).toBe(202)
  // The text goes out after the answer.
  await sink.waitFor(() => sink.deliveries.slice(before).some(d => d.body.kind === 'verification' && d.body.to === phone))
  const confirmed = await resident.post('/api/verifications/confirm', { phone, purpose, code: sink.codeFor(phone) })
  expect(confirmed.status).toBe(200)
  return confirmed.json.verificationToken as string
}

describe('the SMS gateway webhook', () => {
  it('gets a booking\'s confirmation within seconds, signed, with its template, params and idempotency key', async () => {
    const { slug } = await publishedEvent(organizer)
    const started = Date.now()
    const booking = await book(slug)
    await sink.waitFor(() => sink.deliveries.some(d => d.body.params.code === booking.code), 5000)
    expect(Date.now() - started).toBeLessThan(5000)
    const d = sink.deliveries.find(x => x.body.params.code === booking.code)!
    expect(d.body).toMatchObject({ to: booking.phone, kind: 'confirmed', template: 'SMS_100001', city: '天津市' })
    expect(d.headers['idempotency-key']).toBe(d.body.id)
    expect(sink.signatureOk(d, SECRET)).toBe(true)
    expect(sink.signatureOk(d, 'another-secret')).toBe(false)
    expect(d.body.text).toContain(booking.code)
    expect(d.body.params.link).toBe(`https://portal.example.gov.cn/tickets/${booking.ticketToken}`)
    expect(d.body.text).not.toContain('宋秀英')
  })

  it('retries a refused message later, and organizers see why, never the resident\'s link', async () => {
    const { id, slug } = await publishedEvent(organizer)
    failNext = 1
    const booking = await book(slug)
    await sink.waitFor(() => sink.deliveries.some(d => d.body.params.code === booking.code))
    const outbox = (await organizer.get(`/api/organizer/events/${id}/notifications`)).json.items
    expect(outbox).toEqual([expect.objectContaining({ code: booking.code, kind: 'confirmed', status: 'pending', attempts: 1, error: 'the gateway answered 503' })])
    const other = await book(slug)
    await sink.waitFor(() => sink.deliveries.some(d => d.body.params.code === other.code))
    const text = (await organizer.get(`/api/organizer/events/${id}/notifications`)).text
    expect(text).not.toContain(other.ticketToken)
    expect(text).not.toContain('/tickets/')
    expect(text).toContain('个人链接')
  })
})

describe('verified numbers', () => {
  it('send a code the API never shows, give a one-use token for one purpose, and open the resident\'s own data', async () => {
    const { slug } = await publishedEvent(organizer)
    const booking = await book(slug, mobile(), '朱建国')
    const asked = await resident.post('/api/verifications', { phone: booking.phone, purpose: 'my-data' })
    expect(asked.json.demoCode).toBeUndefined()
    expect(asked.text).not.toMatch(/\d{6}/)
    await sink.waitFor(() => !!sink.codeFor(booking.phone))
    const sms = sink.deliveries.filter(d => d.body.kind === 'verification').at(-1)!
    expect(sms.body).toMatchObject({ template: 'SMS_100009', params: { code: expect.stringMatching(/^\d{6}$/), minutes: '10' } })
    expect(sms.body.text).toContain('请勿告诉任何人')
    expect(server.output()).not.toContain(sms.body.params.code)

    const code = sink.codeFor(booking.phone)!
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const refused = await resident.post('/api/verifications/confirm', { phone: booking.phone, purpose: 'my-data', code: wrong })
    expect(refused.status).toBe(422)
    expect(Object.keys(refused.json.data.fieldErrors)).toEqual(['code'])
    expect((await resident.post('/api/verifications/confirm', { phone: booking.phone, purpose: 'contest-entry', code })).status).toBe(410)
    const ok = await resident.post('/api/verifications/confirm', { phone: booking.phone, purpose: 'my-data', code })
    expect(ok.status).toBe(200)
    expectDocumented('VerificationConfirmed', ok.json)
    expectDocumented('VerificationRequested', asked.json)
    expect(ok.json.verificationToken).not.toContain(booking.phone)
    expect((await resident.post('/api/verifications/confirm', { phone: booking.phone, purpose: 'my-data', code })).status).toBe(410)

    const mine = await resident.post('/api/my-data', { verificationToken: ok.json.verificationToken })
    expect(mine.status).toBe(200)
    expectDocumented('MyData', mine.json)
    expect(mine.json.data.registrations).toEqual([expect.objectContaining({ code: booking.code, name: '朱建国' })])
    expect((await resident.post('/api/my-data', { verificationToken: ok.json.verificationToken })).status).toBe(401)
    // The old proof (a code and the number) opens nothing any more.
    expect((await resident.post('/api/my-data', { phone: booking.phone, code: booking.code })).status).toBe(422)

    const forOther = await verified(booking.phone, 'case-vote')
    expect((await resident.post('/api/my-data/erase', { verificationToken: forOther })).status).toBe(401)
    const erase = await resident.post('/api/my-data/erase', { verificationToken: await verified(booking.phone) })
    expect(erase.json.erased).toEqual({ 'registrations': 1, 'contest-entries': 0, 'case-submissions': 0, 'case-votes': 0 })
    expectDocumented('MyDataErased', erase.json)
  })

  it('allow five tries of a code, then only a new code helps', async () => {
    const phone = mobile().replace(/\D/g, '').slice(-11)
    await resident.post('/api/verifications', { phone, purpose: 'case-vote' })
    await sink.waitFor(() => !!sink.codeFor(phone))
    const code = sink.codeFor(phone)!
    const wrong = code === '000000' ? '111111' : '000000'
    const tries = await Promise.all(Array.from({ length: 8 }, () => resident.post('/api/verifications/confirm', { phone, purpose: 'case-vote', code: wrong })))
    expect(tries.filter(r => r.status === 422)).toHaveLength(4)
    // The fifth try spends the code; the rest find it spent, or this address past its failures for the number.
    expect(tries.filter(r => r.status === 410).length).toBeGreaterThanOrEqual(1)
    expect(tries.filter(r => r.status !== 422).every(r => r.status === 410 || r.status === 429)).toBe(true)
    // From this address the number has had its failed tries for the hour; from any address the code is spent.
    expect((await resident.post('/api/verifications/confirm', { phone, purpose: 'case-vote', code })).status).toBe(429)
    expect((await resident.request('POST', '/api/verifications/confirm', { phone, purpose: 'case-vote', code }, { 'x-forwarded-for': '10.30.0.1' })).status).toBe(410)
  })

  it('send one code at a time to a number, with the same answer to every request', async () => {
    const phone = mobile().replace(/\D/g, '').slice(-11)
    const answers = []
    for (let i = 0; i < 7; i++) answers.push(await resident.post('/api/verifications', { phone, purpose: 'case-submission' }))
    expect(answers.map(a => a.status)).toEqual([202, 202, 202, 202, 202, 202, 202])
    expect(new Set(answers.map(a => Object.keys(a.json).sort().join()))).toEqual(new Set(['expiresAt']))
    await sink.waitFor(() => sink.deliveries.some(d => d.body.kind === 'verification' && d.body.to === phone))
    await new Promise(r => setTimeout(r, 300))
    expect(sink.deliveries.filter(d => d.body.kind === 'verification' && d.body.to === phone)).toHaveLength(1)
  })

  it('refuse junk with field errors', async () => {
    for (const body of [{}, { phone: '123', purpose: 'my-data' }, { phone: mobile(), purpose: 'bribe' }, { phone: mobile(), purpose: 'my-data', extra: 1 }]) {
      const res = await resident.post('/api/verifications', body)
      expect(res.status).toBe(422)
      expect(res.json.data.fieldErrors).toBeTruthy()
    }
    expect((await resident.post('/api/verifications/confirm', { phone: mobile(), purpose: 'my-data', code: '12ab' })).status).toBe(422)
    expect((await resident.post('/api/my-data', { verificationToken: 'x'.repeat(40) })).status).toBe(401)
  })
})

describe('residents\' own changes', () => {
  it('through a ticket link or a code are audited without personal data, and a code cannot be tried against many numbers', async () => {
    const { slug } = await publishedEvent(organizer)
    const released = await book(slug, mobile(), '唐丽娟')
    expect((await resident.post(`/api/tickets/${released.ticketToken}/release`)).json.status).toBe('cancelled')
    const cancelled = await book(slug)
    expect((await resident.post('/api/registrations/cancel', { phone: cancelled.phone, code: cancelled.code })).status).toBe(200)

    const admin = new ApiClient(server.url)
    await admin.login('admin@demo.local')
    const entries = (await admin.get('/api/admin/audit?pageSize=100')).json.items as Array<{ action: string, actorEmail: string | null, details: unknown }>
    const release = entries.find(e => e.action === 'booking.release-by-resident' && JSON.stringify(e.details).includes(released.code))
    expect(release).toMatchObject({ actorEmail: null })
    expect(entries.some(e => e.action === 'booking.cancel-by-resident' && JSON.stringify(e.details).includes(cancelled.code))).toBe(true)
    expect(JSON.stringify(entries)).not.toContain(released.phone)
    expect(JSON.stringify(entries)).not.toContain('唐丽娟')

    const target = await book(slug)
    const guesses = await Promise.all(Array.from({ length: 12 }, () => resident.post('/api/registrations/lookup', { phone: mobile(), code: target.code })))
    expect(guesses.filter(g => g.status === 404)).toHaveLength(10)
    expect(guesses.filter(g => g.status === 429)).toHaveLength(2)
    expect((await resident.post('/api/registrations/lookup', { phone: target.phone, code: target.code })).status).toBe(429)
  })
})

describe('the demo', () => {
  it('shows the code on screen only on the embedded demo with the recording provider', async () => {
    const demo = new ApiClient(inject('baseURL'))
    const res = await demo.post('/api/verifications', { phone: mobile(), purpose: 'my-data' })
    expect(res.status).toBe(202)
    expect(res.json.demoCode).toMatch(/^\d{6}$/)
  })
})
