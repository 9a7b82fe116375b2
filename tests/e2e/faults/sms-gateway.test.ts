import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { startPostgres } from '~~/tests/support/local-services'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'
import { startSmsSink } from '~~/tests/support/sms-sink'

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
const DATA_KEY = Buffer.alloc(32, 7).toString('base64')
/** The portal's limit for one POST to the gateway in this test (PORTAL_NOTIFY_TIMEOUT_SECONDS). */
const TIMEOUT_S = 2

type Mode = 'fail' | 'hang' | 'late' | 'ok'

describe('the SMS gateway answers 500, then hangs, then comes back (a local sink stands in for it)', () => {
  let db: Awaited<ReturnType<typeof startPostgres>>
  let sink: Awaited<ReturnType<typeof startSmsSink>>
  let server: RunningServer
  let slug: string
  let eventId: string
  let mode: Mode = 'ok'
  /** What the sink saw, with the mode it answered in: only `ok` and `late` (200, after the portal gave up) count as accepted. */
  const hits: Array<{ id: string, mode: Mode, at: number }> = []
  beforeAll(async () => {
    db = await startPostgres()
    sink = await startSmsSink((d) => {
      hits.push({ id: d.body.id, mode, at: Date.now() })
      if (mode === 'fail') return { status: 500 }
      // Takes the message and never answers (the sink closes the socket long after the portal has given up).
      if (mode === 'hang') return { delayMs: 120_000 }
      if (mode === 'late') return { delayMs: (TIMEOUT_S + 1) * 1000 }
      return {}
    })
    server = await startServer({
      DATABASE_URL: db.url, NUXT_SESSION_PASSWORD: 'f'.repeat(40), PORTAL_DATA_KEY: DATA_KEY, PORTAL_DEMO: '1', PORTAL_RATE_SCALE: '100',
      PORTAL_NOTIFY_PROVIDER: 'webhook', PORTAL_NOTIFY_WEBHOOK_URL: sink.url, PORTAL_NOTIFY_TIMEOUT_SECONDS: String(TIMEOUT_S),
    })
    const organizer = new ApiClient(server.url)
    await organizer.login('organizer@demo.local')
    ;({ slug, id: eventId } = await publishedEvent(organizer, { capacity: 500, maxPartySize: 1 }))
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    await sink?.close()
    await db?.destroy()
  })

  const book = async () => {
    const started = Date.now()
    const res = await fetch(`${server.url}/api/events/${slug}/registrations`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '居民', phone: mobile(), partySize: 1, consent: true }),
    })
    return { status: res.status, ms: Date.now() - started }
  }
  const rows = () => db.query<{ id: string, status: string, attempts: number, send_after: string, claimed_by: string | null, last_error: string | null }>(
    'select id, status, attempts, send_after, claimed_by, last_error from notifications where event_id = $1', [eventId])
  /** What "later" looks like in a test: the backoff's wait is over. */
  const dueNow = () => db.query('update notifications set send_after = $2 where event_id = $1 and status = \'pending\'', [eventId, new Date(Date.now() - 1000).toISOString()])
  const accepted = () => hits.filter(h => h.mode === 'ok' || h.mode === 'late').map(h => h.id)
  const twice = (ids: string[]) => ids.filter((id, k) => ids.indexOf(id) !== k)

  it('takes bookings at once while it fails or hangs, retries later with backoff, waits at most its timeout, and delivers each text exactly once when it returns', async () => {
    // 500s: every booking is taken at once; the texts wait their backoff (not tried again within seconds).
    mode = 'fail'
    const failing = []
    for (let i = 0; i < 6; i++) failing.push(await book())
    expect(failing.map(b => b.status)).toEqual(Array(6).fill(201))
    expect(Math.max(...failing.map(b => b.ms))).toBeLessThan(1500)
    await sink.waitFor(() => hits.length >= 1, 10_000)
    await sleep(5000) // past every wake's re-check (25 ms, 1 s, 4 s)
    const afterFail = await rows()
    expect(afterFail).toHaveLength(6)
    // One try per run while it fails (the rest of the batch waits with it), and no text tried twice within seconds.
    const tried = hits.filter(h => h.mode === 'fail').length
    expect(tried).toBeGreaterThanOrEqual(1)
    expect(tried).toBeLessThanOrEqual(3)
    expect(twice(hits.map(h => h.id))).toEqual([])
    expect(afterFail.reduce((n, r) => n + r.attempts, 0)).toBe(tried)
    for (const r of afterFail) {
      expect(r).toMatchObject({ status: 'pending', claimed_by: null })
      expect(r.last_error).toBe(r.attempts === 1 ? 'the gateway answered 500' : 'not tried: the gateway answered 500')
      expect(Date.parse(r.send_after) - Date.now()).toBeGreaterThan(20_000)
    }

    // It hangs: bookings are still taken at once; the sender gives up after its timeout, tries one text per run, and releases the rest.
    mode = 'hang'
    await dueNow()
    const hanging = [await book(), await book(), await book()]
    expect(hanging.map(b => b.status)).toEqual([201, 201, 201])
    expect(Math.max(...hanging.map(b => b.ms))).toBeLessThan(1500)
    await sink.waitFor(() => hits.some(h => h.mode === 'hang'), 5000)
    const firstHang = hits.find(h => h.mode === 'hang')!.at
    let released: number
    for (;;) {
      const now = await rows()
      released = Date.now()
      if (now.every(r => r.claimed_by === null) && now.some(r => r.last_error === `no reply within ${TIMEOUT_S} s`)) break
      expect(released - firstHang).toBeLessThan(TIMEOUT_S * 1000 + 3000)
      await sleep(100)
    }
    expect(released - firstHang).toBeGreaterThanOrEqual(TIMEOUT_S * 1000 - 100)
    await sleep(4500)
    // One timeout per run, not one per waiting text: 9 texts were due, at most 2 runs met the hang.
    expect(hits.filter(h => h.mode === 'hang').length).toBeLessThanOrEqual(2)
    const afterHang = await rows()
    expect(afterHang).toHaveLength(9)
    expect(afterHang.every(r => r.status === 'pending' && r.claimed_by === null && Date.parse(r.send_after) > Date.now() + 20_000)).toBe(true)
    expect(afterHang.filter(r => r.last_error?.startsWith('not tried:')).length).toBeGreaterThan(0)

    // It comes back: once the backoff is over every text goes out, each accepted exactly once.
    mode = 'ok'
    await dueNow()
    expect((await book()).status).toBe(201) // a booking wakes the sender (as the minute tick would)
    const all = (await rows()).map(r => r.id)
    expect(all).toHaveLength(10)
    await sink.waitFor(() => all.every(id => accepted().includes(id)), 15_000)
    await sleep(3000) // a late duplicate would land now
    expect(twice(accepted())).toEqual([])
    expect(accepted().sort()).toEqual([...all].sort())
    expect((await rows()).every(r => r.status === 'sent' && r.claimed_by === null)).toBe(true)
    expect(server.output()).not.toMatch(/uncaught|\[request error\]/i)
  }, 90_000)

  it('control: a gateway that accepts a text but answers after the timeout gets it again, and the exactly-once count sees it', async () => {
    const before = hits.length
    mode = 'late'
    expect((await book()).status).toBe(201)
    await sink.waitFor(() => hits.length > before, 5000)
    const id = hits.at(-1)!.id
    await sleep(TIMEOUT_S * 1000 + 500)
    mode = 'ok'
    await dueNow()
    expect((await book()).status).toBe(201)
    await sink.waitFor(() => accepted().filter(a => a === id).length === 2, 10_000)
    expect(twice(accepted())).toEqual([id])
  }, 30_000)
})
