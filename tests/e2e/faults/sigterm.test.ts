import { request } from 'node:http'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { mobile, publishedEvent } from '../../support/event-fixtures'
import { startServer, type RunningServer } from '../../support/server'
import { ApiClient } from '../../support/session'

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
const env = { NUXT_SESSION_PASSWORD: 't'.repeat(40), PORTAL_DATA_KEY: Buffer.alloc(32, 5).toString('base64'), PORTAL_DEMO: '1', PORTAL_RATE_SCALE: '100' }

/**
 * A booking whose body arrives in two halves: between them the request is in
 * flight (its headers are in, the handler waits for the rest).
 */
function slowBooking(url: string, slug: string) {
  const body = Buffer.from(JSON.stringify({ name: '居民', phone: mobile(), partySize: 1, consent: true }))
  const req = request(`${url}/api/events/${slug}/registrations`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } })
  const answer = new Promise<{ status: number, connection?: string, body: { code?: string } }>((resolve, reject) => {
    req.on('response', (res) => {
      let raw = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (raw += c))
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: JSON.parse(raw) }))
      res.on('error', reject)
    })
    req.on('error', reject)
  })
  answer.catch(() => {})
  req.flushHeaders()
  req.write(body.subarray(0, 10))
  return {
    finish: () => {
      req.end(body.subarray(10))
      return answer
    },
    answer: () => answer,
  }
}

describe('SIGTERM: the server stops taking requests, finishes the ones in flight, and exits in bounded time', () => {
  let server: RunningServer | undefined
  afterEach(async () => {
    await server?.stop('SIGKILL')
    server = undefined
  })

  async function withEvent(extra: Record<string, string> = {}) {
    server = await startServer({ ...env, ...extra })
    const organizer = new ApiClient(server.url)
    await organizer.login('organizer@demo.local')
    const { slug, id } = await publishedEvent(organizer, { capacity: 50, maxPartySize: 1 })
    return { server, slug, id }
  }
  const exitOf = (s: RunningServer) => new Promise<{ code: number | null, at: number }>((resolve) => {
    if (s.process.exitCode !== null) resolve({ code: s.process.exitCode, at: Date.now() })
    else s.process.once('exit', code => resolve({ code, at: Date.now() }))
  })

  it('refuses new connections at once, completes a booking that was in progress, and exits right after it', async () => {
    const { server: s, slug, id } = await withEvent()
    const inProgress = slowBooking(s.url, slug)
    await sleep(300)
    const exited = exitOf(s)
    const signalled = Date.now()
    s.process.kill('SIGTERM')
    await sleep(300)
    // Draining: the listener is closed (a load balancer sees the instance gone; there is no 503 phase to observe).
    await expect(fetch(`${s.url}/api/health`)).rejects.toThrow()
    expect(s.process.exitCode).toBeNull()
    // The booking that was in flight finishes, told the connection closes.
    const done = await inProgress.finish()
    expect(done.status).toBe(201)
    expect(done.connection).toBe('close')
    const { code, at } = await exited
    expect(code).toBe(0)
    // Exits within a poll (250 ms) or so of its last request, far inside the 30 s bound (NITRO_SHUTDOWN_TIMEOUT).
    expect(at - signalled).toBeLessThan(3000)
    const db = new DatabaseSync(join(s.dataDir, 'portal.sqlite'), { readOnly: true })
    const row = db.prepare('select status from registrations where event_id = ? and code = ?').get(id, done.body.code!) as { status: string } | undefined
    const counter = db.prepare('select confirmed_places from events where id = ?').get(id) as { confirmed_places: number }
    db.close()
    expect(row?.status).toBe('confirmed')
    expect(counter.confirmed_places).toBe(1)
    expect(s.output()).not.toMatch(/uncaught|Graceful shutdown timeout/i)
  }, 60_000)

  it('control: a request held past the shutdown bound is cut off, and the process still exits on time', async () => {
    const { server: s, slug, id } = await withEvent({ NITRO_SHUTDOWN_TIMEOUT: '1500' })
    const held = slowBooking(s.url, slug)
    await sleep(300)
    const exited = exitOf(s)
    const signalled = Date.now()
    s.process.kill('SIGTERM')
    const { at } = await exited
    expect(at - signalled).toBeGreaterThanOrEqual(1400)
    expect(at - signalled).toBeLessThan(4000)
    // The check above (a 201 and the row) fails for it: nothing answered, nothing stored.
    await expect(held.answer()).rejects.toThrow()
    const db = new DatabaseSync(join(s.dataDir, 'portal.sqlite'), { readOnly: true })
    expect((db.prepare('select count(*) as n from registrations where event_id = ?').get(id) as { n: number }).n).toBe(0)
    db.close()
  }, 60_000)
})
