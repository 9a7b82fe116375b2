import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { book, cancelBooking } from '~~/server/events/booking'
import { enqueue } from '~~/server/notifications/outbox'
import { queueReminders } from '~~/server/notifications/reminders'
import { CLAIM_SECONDS, claimDue, MAX_ATTEMPTS, resumeSending, retryDelaySeconds, sendPending, stopSending } from '~~/server/notifications/sender'
import { LINK_WITHHELD } from '~~/server/notifications/messages'
import type { NotificationProvider, OutgoingMessage } from '~~/server/notifications/providers'
import { encryptText, lookupHash } from '~~/server/privacy/crypto'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { insertEvent, prepare, tianjin } from '~~/tests/support/events'

process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 9).toString('base64')

const sealedFor = async (phone: string) => ({ name_enc: await encryptText('宋秀英'), phone_enc: await encryptText(phone), phone_hash: await lookupHash(phone) })

describe.each(dialects)('notifications outbox on $name', ({ open }) => {
  let t: TestDatabase
  const sent: Array<{ to: string, text: string }> = []
  const provider: NotificationProvider = { name: 'test', send: async ({ to, text }) => {
    sent.push({ to, text })
  } }
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('queues a confirmation with the booking, a promotion when a place frees, and sends them once', async () => {
    const event = await insertEvent(t.db, { capacity: 1, title_zh: '防诈骗讲座' })
    const a = await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor('13700000001'), purgeAfter: '2099-01-01T00:00:00.000Z' })
    const b = await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor('13700000002'), purgeAfter: '2099-01-01T00:00:00.000Z' })
    await cancelBooking(t.db, a.code, await lookupHash('13700000001'))
    const kinds = await t.db.selectFrom('notifications').select(['kind', 'registration_id']).where('event_id', '=', event.id).orderBy('created_at').execute()
    expect(kinds.map(k => k.kind).sort()).toEqual(['confirmed', 'promoted', 'waitlisted'])

    sent.length = 0
    const counts = await sendPending(t.db, provider, tianjin, 'https://portal.example')
    expect(counts).toMatchObject({ sent: 3, failed: 0 })
    const promotion = sent.find(s => s.text.includes('好消息'))!
    expect(promotion.to).toBe('13700000002')
    expect(promotion.text).toContain(b.code)
    expect(promotion.text).toContain('https://portal.example/tickets/')
    expect(sent.every(s => !s.text.includes('宋秀英'))).toBe(true)
    expect((await sendPending(t.db, provider, tianjin, 'https://portal.example')).sent).toBe(0)
  })

  it('queues a big event\'s texts at once: 3,000 bookings are more bound values than one statement may carry', async () => {
    const event = await insertEvent(t.db, { capacity: 5000 })
    const now = new Date().toISOString()
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      id: `big-${event.id}-${i}`, event_id: event.id, code: `B${i}`, seq: i + 1, status: 'confirmed' as const, party_size: 1,
      name_enc: null, phone_enc: null, phone_hash: `big-${i}`, age_group: null, district_code: null, source: 'resident' as const, consent_at: now,
      promoted_at: null, cancelled_at: null, checked_in_at: null, checked_in_by: null, attendance_confirmed_at: null,
      purge_after: '2099-01-01T00:00:00.000Z', anonymised_at: null, created_at: now, updated_at: now,
    }))
    for (let i = 0; i < rows.length; i += 500) await t.db.insertInto('registrations').values(rows.slice(i, i + 500)).execute()
    // 3,000 × 13 values is past SQLite's bound of 32,766 in one statement.
    await enqueue(t.db, 'event-cancelled', rows.map(r => ({ eventId: event.id, registrationId: r.id })), '2099-01-01T00:00:00.000Z')
    const queued = await t.db.selectFrom('notifications').select(eb => eb.fn.countAll<number>().as('n')).where('event_id', '=', event.id).executeTakeFirstOrThrow()
    expect(Number(queued.n)).toBe(3000)
  })

  it('queues one reminder a day ahead with a release link, skips it if the booking was cancelled, and retries failures', async () => {
    const starts = new Date(Date.now() + 23 * 3_600_000).toISOString()
    const event = await insertEvent(t.db, { capacity: 5, starts_at: starts, ends_at: new Date(Date.parse(starts) + 3_600_000).toISOString(), booking_closes_at: new Date(Date.parse(starts) - 3_600_000).toISOString() })
    const keep = await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor('13700000011'), purgeAfter: '2099-01-01T00:00:00.000Z' })
    const drop = await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor('13700000012'), purgeAfter: '2099-01-01T00:00:00.000Z' })
    await sendPending(t.db, provider, tianjin, 'https://portal.example')
    expect(await queueReminders(t.db)).toBeGreaterThanOrEqual(2)
    await queueReminders(t.db)
    const reminders = await t.db.selectFrom('notifications').select('registration_id').where('event_id', '=', event.id).where('kind', '=', 'reminder').execute()
    expect(reminders).toHaveLength(2)
    await cancelBooking(t.db, drop.code, await lookupHash('13700000012'))

    const failing: NotificationProvider = { name: 'down', send: async () => {
      throw new Error('gateway down')
    } }
    expect((await sendPending(t.db, failing, tianjin, 'https://portal.example')).failed).toBe(1)
    // A failed try waits before the next (30 s first); make it due again.
    const waiting = await t.db.selectFrom('notifications').select(['send_after', 'last_error', 'status']).where('registration_id', '=', keep.registrationId).where('kind', '=', 'reminder').executeTakeFirstOrThrow()
    expect(waiting).toMatchObject({ status: 'pending', last_error: 'gateway down' })
    expect(Date.parse(waiting.send_after) - Date.now()).toBeGreaterThan(20_000)
    expect((await sendPending(t.db, provider, tianjin, 'https://portal.example')).sent).toBe(0)
    await t.db.updateTable('notifications').set({ send_after: new Date(Date.now() - 1000).toISOString() }).where('registration_id', '=', keep.registrationId).execute()
    sent.length = 0
    const counts = await sendPending(t.db, provider, tianjin, 'https://portal.example')
    expect(counts).toMatchObject({ sent: 1, skipped: 0 })
    expect(sent[0]!.text).toMatch(/让出名额：https:\/\/portal\.example\/release\/[0-9a-f-]{36}\.[0-9a-f]{32}$/)
    const skipped = await t.db.selectFrom('notifications').select('status').where('registration_id', '=', drop.registrationId).where('kind', '=', 'reminder').executeTakeFirstOrThrow()
    expect(skipped.status).toBe('skipped')
    expect(keep.status).toBe('confirmed')
  })
})

describe.each(dialects)('claiming messages before sending on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('hands each message to the provider once under its row id, keeps no personal link, and takes over a lapsed claim', async () => {
    const event = await insertEvent(t.db, { capacity: 50 })
    for (let i = 0; i < 30; i++) await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor(`1370000${String(1000 + i)}`), purgeAfter: '2099-01-01T00:00:00.000Z' })
    const seen: OutgoingMessage[] = []
    const provider: NotificationProvider = { name: 'test', send: async (m) => {
      seen.push(m)
    } }
    // Two senders over two connection pools where the database allows it.
    const other = t.openAnother?.() ?? t.db
    const counts = await Promise.all([sendPending(t.db, provider, tianjin, 'https://portal.example'), sendPending(other, provider, tianjin, 'https://portal.example')])
    const ours = seen.filter(m => m.text.includes(event.title_zh))
    expect(ours).toHaveLength(30)
    expect(new Set(ours.map(m => m.id)).size).toBe(30)
    expect(counts[0].sent + counts[1].sent).toBeGreaterThanOrEqual(30)
    expect(ours[0]).toMatchObject({ kind: 'confirmed', city: tianjin.name.zh, params: expect.objectContaining({ code: expect.any(String), link: expect.stringContaining('https://portal.example/tickets/') }) })
    const stored = await t.db.selectFrom('notifications').select(['message', 'claimed_by']).where('event_id', '=', event.id).execute()
    expect(stored.every(r => r.message?.includes(LINK_WITHHELD) && !r.message.includes('/tickets/') && r.claimed_by === null)).toBe(true)
    if (other !== t.db) await other.destroy()

    // A sender that claimed a row and died: nobody else takes it until the claim lapses.
    const late = await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor('13700009999'), purgeAfter: '2099-01-01T00:00:00.000Z' })
    expect(await claimDue(t.db, 'crashed-sender')).toHaveLength(1)
    expect(await claimDue(t.db, 'another')).toEqual([])
    const afterLapse = new Date(Date.now() + (CLAIM_SECONDS + 1) * 1000).toISOString()
    const retaken = await claimDue(t.db, 'another', 20, afterLapse)
    const row = await t.db.selectFrom('notifications').select('id').where('registration_id', '=', late.registrationId).executeTakeFirstOrThrow()
    expect(retaken).toEqual([row.id])
  })

  it('tries a failing gateway once per run: the rest of the batch waits as long, its tries not counted, its claims released', async () => {
    const event = await insertEvent(t.db, { capacity: 10 })
    for (const n of [21, 22, 23]) await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor(`137000000${n}`), purgeAfter: '2099-01-01T00:00:00.000Z' })
    // Other tests' rows are sent first, so only this event's three are due.
    await sendPending(t.db, { name: 'test', send: async () => {} }, tianjin, 'https://portal.example').catch(() => {})
    await t.db.updateTable('notifications').set({ status: 'pending', attempts: 0, send_after: new Date(Date.now() - 1000).toISOString() }).where('event_id', '=', event.id).execute()
    let tries = 0
    const failing: NotificationProvider = { name: 'down', send: async () => {
      tries++
      throw new Error('the gateway answered 500')
    } }
    expect(await sendPending(t.db, failing, tianjin, 'https://portal.example')).toMatchObject({ sent: 0, failed: 1, deferred: 2 })
    expect(tries).toBe(1)
    const rows = await t.db.selectFrom('notifications').select(['attempts', 'status', 'send_after', 'claimed_by', 'last_error']).where('event_id', '=', event.id).execute()
    expect(rows.map(r => r.attempts).sort()).toEqual([0, 0, 1])
    expect(rows.every(r => r.status === 'pending' && r.claimed_by === null && Date.parse(r.send_after) - Date.now() > 20_000)).toBe(true)
    expect(rows.filter(r => r.attempts === 0).every(r => r.last_error === 'not tried: the gateway answered 500')).toBe(true)
  })

  it('stopping (SIGTERM) lets the text at the gateway finish and hands the rest of the claim back at once, unchanged', async () => {
    const event = await insertEvent(t.db, { capacity: 10 })
    for (const n of [31, 32, 33]) await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor(`137000000${n}`), purgeAfter: '2099-01-01T00:00:00.000Z' })
    await sendPending(t.db, { name: 'test', send: async () => {} }, tianjin, 'https://portal.example').catch(() => {})
    const due = new Date(Date.now() - 1000).toISOString()
    await t.db.updateTable('notifications').set({ status: 'pending', attempts: 0, send_after: due }).where('event_id', '=', event.id).execute()
    let stopped: Promise<void> | undefined
    const sentIds: string[] = []
    const slow: NotificationProvider = { name: 'slow', send: async ({ id }) => {
      stopped ??= stopSending()
      await new Promise(r => setTimeout(r, 50))
      sentIds.push(id)
    } }
    try {
      expect(await sendPending(t.db, slow, tianjin, 'https://portal.example')).toMatchObject({ sent: 1, deferred: 2 })
      await stopped
      expect(sentIds).toHaveLength(1)
      const rows = await t.db.selectFrom('notifications').select(['id', 'status', 'attempts', 'send_after', 'claimed_by']).where('event_id', '=', event.id).execute()
      expect(rows.find(r => r.id === sentIds[0])).toMatchObject({ status: 'sent', claimed_by: null })
      const rest = rows.filter(r => r.id !== sentIds[0])
      expect(rest.every(r => r.status === 'pending' && r.attempts === 0 && r.send_after === due && r.claimed_by === null)).toBe(true)
      // No new claims while stopped.
      expect(await sendPending(t.db, slow, tianjin, 'https://portal.example')).toMatchObject({ sent: 0 })
    }
    finally {
      resumeSending()
    }
  })

  it('backs off after each failure and gives up after five tries, keeping the reason', () => {
    expect([1, 2, 3, 4, 5, 20].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 480, 3600])
    expect(MAX_ATTEMPTS).toBe(5)
  })
})
