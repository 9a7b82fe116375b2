import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'

const CAPACITY = 23

/** 200 bookings at once, mixed household sizes, spread over the given servers. */
async function race(urls: string[], slug: string) {
  const sizes = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 4) + 1)
  return Promise.all(sizes.map(async (partySize, i) => {
    const res = await fetch(`${urls[i % urls.length]}/api/events/${slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `居民${i}`, phone: mobile(), partySize, consent: true }),
    })
    return { status: res.status, body: await res.json() as { status: string, partySize: number, waitlistPosition?: number, code: string } }
  }))
}

async function checkRace(results: Awaited<ReturnType<typeof race>>, organizer: ApiClient, id: string) {
  expect(results.filter(r => r.status !== 201).map(r => r.status)).toEqual([])
  const confirmed = results.filter(r => r.body.status === 'confirmed').reduce((n, r) => n + r.body.partySize, 0)
  expect(confirmed).toBeLessThanOrEqual(CAPACITY)
  const list = (await organizer.get(`/api/organizer/events/${id}/registrations`)).json
  expect(list.items).toHaveLength(200) // none lost
  expect(list.event.confirmedPlaces).toBe(confirmed)
  const waiting = list.items.filter((r: { status: string }) => r.status === 'waitlisted')
  // Stored order of arrival matches the positions people were told.
  const told = new Map(results.filter(r => r.body.status === 'waitlisted').map(r => [r.body.code, r.body.waitlistPosition]))
  expect(waiting.map((r: { code: string }) => told.get(r.code))).toEqual(waiting.map((_: unknown, i: number) => i + 1))
  // No place is left empty while a waiting party would fit in it.
  expect(waiting.every((r: { partySize: number }) => r.partySize > CAPACITY - confirmed)).toBe(true)
}

describe('the last places, over HTTP', () => {
  it('are never oversold on the embedded database, and every request gets an answer', async () => {
    const organizer = new ApiClient(inject('baseURL'))
    await organizer.login('organizer@demo.local')
    const { id, slug } = await publishedEvent(organizer, { capacity: CAPACITY })
    await checkRace(await race([inject('baseURL')], slug), organizer, id)
  })

  it('are never oversold by two app instances sharing one PostgreSQL database', async (ctx) => {
    const url = process.env.TEST_DATABASE_URL
    const admin = url ? new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 }) : undefined
    if (!admin || !await admin.connect().then(() => true, () => false)) return ctx.skip('no PostgreSQL server at TEST_DATABASE_URL')
    const schema = `race_${Date.now().toString(36)}`
    await admin.query(`create schema ${schema}`)
    const dbUrl = new URL(url!)
    dbUrl.searchParams.set('options', `-c search_path=${schema}`)
    const env = { DATABASE_URL: dbUrl.toString(), NUXT_SESSION_PASSWORD: 's'.repeat(40), PORTAL_DATA_KEY: Buffer.alloc(32, 3).toString('base64'), PORTAL_DEMO: '1', PORTAL_RATE_SCALE: '100' }
    const servers: RunningServer[] = []
    try {
      servers.push(await startServer(env))
      servers.push(await startServer(env))
      const organizer = new ApiClient(servers[0]!.url)
      await organizer.login('organizer@demo.local')
      const { id, slug } = await publishedEvent(organizer, { capacity: CAPACITY })
      await checkRace(await race(servers.map(s => s.url), slug), organizer, id)
    }
    finally {
      await Promise.all(servers.map(s => s.stop()))
      await admin.query(`drop schema ${schema} cascade`)
      await admin.end()
    }
  })
})

describe('durability', () => {
  it('keeps every booking that got its 201 through a kill -9 of the server', async () => {
    const first = await startServer({ PORTAL_RATE_SCALE: '100' })
    const organizer = new ApiClient(first.url)
    await organizer.login('organizer@demo.local')
    const { slug } = await publishedEvent(organizer, { capacity: 100 })
    const booked: Array<{ phone: string, code: string }> = []
    await Promise.all(Array.from({ length: 30 }, async () => {
      const phone = mobile()
      const res = await fetch(`${first.url}/api/events/${slug}/registrations`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '陈秀英', phone, partySize: 1, consent: true }),
      })
      if (res.status === 201) booked.push({ phone, code: (await res.json()).code })
    }))
    await first.stop('SIGKILL')
    expect(booked).toHaveLength(30)

    const second = await startServer({ PORTAL_DATA_DIR: first.dataDir })
    try {
      const client = new ApiClient(second.url)
      for (const b of booked) {
        expect((await client.post('/api/registrations/lookup', b)).status).toBe(200)
      }
    }
    finally {
      await second.stop()
    }
  })
})
