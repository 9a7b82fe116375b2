import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { createDatabase } from '~~/server/database/client'
import { webhookProvider } from '~~/server/notifications/providers'
import { sendPending, sendRows } from '~~/server/notifications/sender'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { tianjin } from '~~/tests/support/events'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'
import { startSmsSink } from '~~/tests/support/sms-sink'

const DATA_KEY = Buffer.alloc(32, 5).toString('base64')
process.env.PORTAL_DATA_KEY = DATA_KEY

const perKey = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>())
const repeats = (ids: string[]) => [...perKey(ids).values()].filter(n => n > 1).length

describe('messages on two app instances sharing one PostgreSQL database', () => {
  it('arrive exactly once each, for 200 bookings; without the claim, the same senders are caught sending twice', async (ctx) => {
    const url = process.env.TEST_DATABASE_URL
    const admin = url ? new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 }) : undefined
    if (!admin) return ctx.skip('TEST_DATABASE_URL is not set: this test needs a PostgreSQL server')
    // CI sets TEST_DATABASE_URL: a server named but unreachable fails the test instead of skipping it.
    await admin.connect()
    const schema = `delivery_${Date.now().toString(36)}`
    await admin.query(`create schema ${schema}`)
    const dbUrl = new URL(url!)
    dbUrl.searchParams.set('options', `-c search_path=${schema}`)
    const sink = await startSmsSink()
    const env = {
      DATABASE_URL: dbUrl.toString(), NUXT_SESSION_PASSWORD: 'd'.repeat(40), PORTAL_DATA_KEY: DATA_KEY, PORTAL_DEMO: '1', PORTAL_RATE_SCALE: '100',
      PORTAL_NOTIFY_PROVIDER: 'webhook', PORTAL_NOTIFY_WEBHOOK_URL: sink.url,
    }
    const servers: RunningServer[] = []
    const pools = [createDatabase({ url: url!, pgSchema: schema, poolSize: 5 }).db, createDatabase({ url: url!, pgSchema: schema, poolSize: 5 }).db]
    try {
      servers.push(await startServer(env), await startServer(env))
      const organizer = new ApiClient(servers[0]!.url)
      await organizer.login('organizer@demo.local')
      const { id, slug } = await publishedEvent(organizer, { capacity: 120, maxPartySize: 4 })
      // Each instance wakes its sender after every booking, and each sender takes whatever is due, so the two compete for the same rows.
      const booked = await Promise.all(Array.from({ length: 200 }, (_, i) => fetch(`${servers[i % 2]!.url}/api/events/${slug}/registrations`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `居民${i}`, phone: mobile(), partySize: 1, consent: true }),
      }).then(r => r.status)))
      expect(booked.filter(s => s !== 201)).toEqual([])
      await sink.waitFor(() => sink.deliveries.length >= 200, 60_000)
      await new Promise(r => setTimeout(r, 1500)) // any late duplicate would land now
      const ids = sink.deliveries.map(d => d.body.id)
      expect(ids).toHaveLength(200)
      expect(repeats(ids)).toBe(0)
      expect(new Set(sink.deliveries.map(d => d.body.kind))).toEqual(new Set(['confirmed', 'waitlisted']))
      const { rows } = await admin.query(`select count(*)::int as n from ${schema}.notifications where status = 'sent' and event_id = $1`, [id])
      expect(rows[0].n).toBe(200)
      await Promise.all(servers.map(s => s.stop()))

      // The same 200 messages due again, sent by two senders in this process over two pools.
      const provider = webhookProvider({ url: sink.url, templates: {} })
      const again = () => admin.query(`update ${schema}.notifications set status = 'pending', claimed_by = null, claimed_until = null, send_after = '2000-01-01T00:00:00.000Z' where event_id = $1`, [id])

      // Control: select what is due, then send it (the old way): both senders pick the same rows.
      await again()
      sink.deliveries.length = 0
      const naive = (db: typeof pools[number]) => db.selectFrom('notifications').select('id').where('status', '=', 'pending').execute()
        .then(due => sendRows(db, provider, tianjin, 'https://portal.example', due.map(d => d.id), null))
      await Promise.all(pools.map(naive))
      expect(repeats(sink.deliveries.map(d => d.body.id))).toBeGreaterThan(0)

      await again()
      sink.deliveries.length = 0
      await Promise.all(pools.map(db => sendPending(db, provider, tianjin, 'https://portal.example')))
      const claimed = sink.deliveries.map(d => d.body.id)
      expect(claimed).toHaveLength(200)
      expect(repeats(claimed)).toBe(0)
    }
    finally {
      await Promise.all(servers.map(s => s.stop()))
      await Promise.all(pools.map(p => p.destroy()))
      await sink.close()
      await admin.query(`drop schema ${schema} cascade`)
      await admin.end()
    }
  }, 180_000)
})
