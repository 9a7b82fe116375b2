import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { startPostgres } from '~~/tests/support/local-services'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'
import { startSmsSink } from '~~/tests/support/sms-sink'

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
const DATA_KEY = Buffer.alloc(32, 6).toString('base64')

describe('the database restarts during a burst of bookings on two instances (its own PostgreSQL, never the machine\'s)', () => {
  let db: Awaited<ReturnType<typeof startPostgres>>
  let sink: Awaited<ReturnType<typeof startSmsSink>>
  const servers: RunningServer[] = []
  let slug: string
  let eventId: string
  beforeAll(async () => {
    db = await startPostgres()
    sink = await startSmsSink()
    const env = {
      DATABASE_URL: db.url, NUXT_SESSION_PASSWORD: 'f'.repeat(40), PORTAL_DATA_KEY: DATA_KEY, PORTAL_DEMO: '1', PORTAL_RATE_SCALE: '100',
      PORTAL_NOTIFY_PROVIDER: 'webhook', PORTAL_NOTIFY_WEBHOOK_URL: sink.url,
    }
    // One after the other: the first migrates and seeds.
    servers.push(await startServer(env))
    servers.push(await startServer(env))
    const organizer = new ApiClient(servers[0]!.url)
    await organizer.login('organizer@demo.local')
    ;({ slug, id: eventId } = await publishedEvent(organizer, { capacity: 1000, maxPartySize: 1 }))
  }, 120_000)
  afterAll(async () => {
    await Promise.all(servers.map(s => s.stop()))
    await sink?.close()
    await db?.destroy()
  })

  const messagesOf = () => db.query<{ id: string, code: string, status: string }>(
    'select n.id, r.code, n.status from notifications n join registrations r on r.id = n.registration_id where n.event_id = $1', [eventId])
  const deliveredIds = () => sink.deliveries.map(d => d.body.id)

  it('keeps every acknowledged booking and texts each exactly once within 60 s of the database\'s return, answering 503 (never 500) meanwhile', async () => {
    const results: Array<Promise<{ status: number, code?: string, retryAfter: string | null }>> = []
    let i = 0
    let bursting = true
    const burst = (async () => {
      while (bursting) {
        const server = servers[i++ % 2]!
        results.push(fetch(`${server.url}/api/events/${slug}/registrations`, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `居民${i}`, phone: mobile(), partySize: 1, consent: true }),
        }).then(async r => ({ status: r.status, retryAfter: r.headers.get('retry-after'), code: (await r.json() as { code?: string }).code }), () => ({ status: 0, retryAfter: null })))
        await sleep(15)
      }
    })()
    await sleep(1500)
    await db.stop('fast')
    // Readiness keeps its last probe for 3 s: wait that out, so the answer below is about the stopped database.
    await sleep(3_200)
    // Meanwhile: readiness, an API and a page say 503 with Retry-After, in the resident's language; liveness stays 200.
    const [health, live, api, page] = await Promise.all([
      fetch(`${servers[0]!.url}/api/health`),
      fetch(`${servers[0]!.url}/api/health/live`),
      fetch(`${servers[1]!.url}/api/events/${slug}`, { headers: { 'accept-language': 'en' } }),
      fetch(`${servers[1]!.url}/events/${slug}`, { headers: { 'accept-language': 'en', 'accept': 'text/html' } }),
    ])
    await sleep(1700)
    await db.start()
    const back = Date.now()
    await sleep(2000)
    bursting = false
    await burst
    const answers = await Promise.all(results)

    expect([health.status, live.status, api.status, page.status]).toEqual([503, 200, 503, 503])
    expect([health.headers.get('retry-after'), api.headers.get('retry-after'), page.headers.get('retry-after')]).toEqual(['5', '5', '5'])
    expect(await health.json()).toMatchObject({ ok: false, checks: { database: 'unavailable', redis: 'not-used' } })
    expect(await api.json()).toMatchObject({ statusCode: 503, statusMessage: 'Service Unavailable', message: expect.stringMatching(/try again in a few seconds/), data: { dependency: 'database' } })
    expect(await page.text()).toContain('Please wait a moment')

    const statuses = answers.map(a => a.status)
    expect(statuses.filter(s => s !== 201 && s !== 503)).toEqual([])
    // The outage was real: some bookings were refused, with Retry-After; and many got through.
    expect(statuses.filter(s => s === 503).length).toBeGreaterThan(0)
    expect(answers.filter(a => a.status === 503).every(a => a.retryAfter === '5')).toBe(true)
    const acknowledged = answers.filter(a => a.status === 201).map(a => a.code!)
    expect(acknowledged.length).toBeGreaterThan(50)

    // Every booking in the database (each acknowledged one among them) is texted, within 60 s of the return.
    const stored = await messagesOf()
    expect(acknowledged.filter(code => !stored.some(m => m.code === code))).toEqual([])
    await sink.waitFor(() => stored.every(m => deliveredIds().includes(m.id)), Math.max(1000, 60_000 - (Date.now() - back)))
    await sleep(3000) // a late duplicate would land now
    const ids = deliveredIds()
    expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([])
    expect((await messagesOf()).every(m => m.status === 'sent')).toBe(true)
    // Each instance logs the outage as a few lines (one per state change), not one per failed query, and nothing uncaught.
    for (const server of servers) {
      const outage = server.output().split('\n').filter(l => l.includes('"dependency":"database"'))
      expect(outage.length).toBeGreaterThan(0)
      expect(outage.length).toBeLessThanOrEqual(6)
      expect(server.output()).not.toMatch(/uncaughtException|\[request error\]/)
    }
  }, 150_000)

  it('control: the same checks catch a text held by a dead sender\'s claim, and a text sent twice', async () => {
    const organizer = new ApiClient(servers[0]!.url)
    const booked = await organizer.post(`/api/events/${slug}/registrations`, { name: '居民', phone: mobile(), partySize: 1, consent: true })
    expect(booked.status).toBe(201)
    const [row] = (await messagesOf()).filter(m => m.code === booked.json.code)
    await sink.waitFor(() => deliveredIds().includes(row!.id))
    // A sender that died holding a claim: its row waits out the five-minute lease, so the wait above would time out.
    await db.query('update notifications set status = \'pending\', claimed_by = \'dead\', claimed_until = $2 where id = $1', [row!.id, new Date(Date.now() + 300_000).toISOString()])
    const count = deliveredIds().length
    await expect(sink.waitFor(() => deliveredIds().length > count, 8000)).rejects.toThrow(/did not see/)
    // The same row sent again (as a lost "sent" write did before): the duplicate check sees it.
    await db.query('update notifications set claimed_by = null, claimed_until = null, send_after = $2 where id = $1', [row!.id, new Date(Date.now() - 1000).toISOString()])
    await organizer.post(`/api/events/${slug}/registrations`, { name: '居民', phone: mobile(), partySize: 1, consent: true })
    await sink.waitFor(() => deliveredIds().filter(id => id === row!.id).length === 2, 70_000)
    const ids = deliveredIds()
    expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([row!.id])
  }, 120_000)
})
