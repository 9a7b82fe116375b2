import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'
import { startSmsSink } from '~~/tests/support/sms-sink'

const DATA_KEY = Buffer.alloc(32, 6).toString('base64')
const HOUR = 3_600_000
const perKey = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>())

describe('texts about a moved event, on two app instances sharing one PostgreSQL database', () => {
  it('reach everyone booked and waiting exactly once per move, even when both instances save the same move at once', async (ctx) => {
    const url = process.env.TEST_DATABASE_URL
    const admin = url ? new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 }) : undefined
    if (!admin) return ctx.skip('TEST_DATABASE_URL is not set: this test needs a PostgreSQL server')
    await admin.connect()
    const schema = `changes_${Date.now().toString(36)}`
    await admin.query(`create schema ${schema}`)
    const dbUrl = new URL(url!)
    dbUrl.searchParams.set('options', `-c search_path=${schema}`)
    const sink = await startSmsSink()
    const env = {
      DATABASE_URL: dbUrl.toString(), NUXT_SESSION_PASSWORD: 'c'.repeat(40), PORTAL_DATA_KEY: DATA_KEY, PORTAL_DEMO: '1', PORTAL_RATE_SCALE: '100',
      PORTAL_NOTIFY_PROVIDER: 'webhook', PORTAL_NOTIFY_WEBHOOK_URL: sink.url,
    }
    const servers: RunningServer[] = []
    try {
      servers.push(await startServer(env), await startServer(env))
      const organizers = [new ApiClient(servers[0]!.url), new ApiClient(servers[1]!.url)]
      for (const o of organizers) await o.login('organizer@demo.local')
      // 12 places, 20 bookings: 12 confirmed and 8 waiting, all to be told.
      const { id, slug } = await publishedEvent(organizers[0]!, { capacity: 12, maxPartySize: 1 })
      const booked = await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(`${servers[i % 2]!.url}/api/events/${slug}/registrations`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `居民${i}`, phone: mobile(), partySize: 1, consent: true }),
      }).then(r => r.status)))
      expect(booked.filter(s => s !== 201)).toEqual([])
      await sink.waitFor(() => sink.deliveries.length >= 20, 60_000)

      // The same move saved on both instances at the same moment: one change, one text each.
      const detail = (await organizers[0]!.get(`/api/organizer/events/${id}`)).json
      const later = { startsAt: new Date(Date.parse(detail.startsAt) + HOUR).toISOString(), endsAt: new Date(Date.parse(detail.endsAt) + HOUR).toISOString() }
      const saves = await Promise.all(organizers.map(o => o.request('PATCH', `/api/organizer/events/${id}`, later)))
      expect(saves.map(s => s.status)).toEqual([200, 200])
      expect(saves.map(s => s.json.notified).sort()).toEqual([0, 20])

      // A second move (the venue) is a second text for everyone.
      const moved = await organizers[1]!.request('PATCH', `/api/organizer/events/${id}`, { venueCode: 'nankai-mobile-store', district: 'nankai' })
      expect(moved.status, moved.text).toBe(200)
      expect(moved.json.notified).toBe(20)

      const changed = () => sink.deliveries.filter(d => d.body.kind === 'event-changed')
      await sink.waitFor(() => changed().length >= 40, 60_000)
      await new Promise(r => setTimeout(r, 1500)) // any late duplicate would land now
      const ids = changed().map(d => d.body.id)
      expect(ids).toHaveLength(40)
      expect([...perKey(ids).values()].every(n => n === 1)).toBe(true)
      // Per resident: exactly one text about the time and one about the place.
      const perPhone = perKey(changed().map(d => `${d.body.to}|${d.body.params.changed}`))
      expect(perPhone.size).toBe(40)
      expect(new Set(changed().map(d => d.body.params.changed))).toEqual(new Set(['时间', '地点']))
      const { rows } = await admin.query(`select count(*)::int as n from ${schema}.notifications where kind = 'event-changed' and status = 'sent' and event_id = $1`, [id])
      expect(rows[0].n).toBe(40)
      const { rows: changes } = await admin.query(`select changed, recipients from ${schema}.event_changes where event_id = $1 order by created_at`, [id])
      expect(changes).toEqual([{ changed: 'time', recipients: 20 }, { changed: 'place', recipients: 20 }])

      // The organiser sees each move with its texts sent.
      const notices = await organizers[0]!.get(`/api/organizer/events/${id}/messages`)
      expect(notices.json.changes.map((c: { sent: number, recipients: number }) => [c.sent, c.recipients])).toEqual([[20, 20], [20, 20]])
    }
    finally {
      await Promise.all(servers.map(s => s.stop()))
      await sink.close()
      await admin.query(`drop schema ${schema} cascade`)
      await admin.end()
    }
  }, 180_000)
})
