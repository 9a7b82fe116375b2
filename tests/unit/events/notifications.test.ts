import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { book, cancelBooking } from '../../../server/events/booking'
import { queueReminders } from '../../../server/notifications/reminders'
import { sendPending } from '../../../server/notifications/sender'
import type { NotificationProvider } from '../../../server/notifications/providers'
import { encryptText, lookupHash } from '../../../server/privacy/crypto'
import { dialects, type TestDatabase } from '../../support/databases'
import { insertEvent, prepare, tianjin } from '../../support/events'

process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 9).toString('base64')

const sealedFor = async (phone: string) => ({ name_enc: await encryptText('宋秀英'), phone_enc: await encryptText(phone), phone_hash: await lookupHash(phone) })

describe.each(dialects)('notifications outbox on $name', ({ open }) => {
  let t: TestDatabase
  const sent: Array<{ to: string, text: string }> = []
  const provider: NotificationProvider = { name: 'test', send: async (to, text) => {
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
    sent.length = 0
    const counts = await sendPending(t.db, provider, tianjin, 'https://portal.example')
    expect(counts).toMatchObject({ sent: 1, skipped: 0 })
    expect(sent[0]!.text).toMatch(/让出名额：https:\/\/portal\.example\/release\/[0-9a-f-]{36}\.[0-9a-f]{32}$/)
    const skipped = await t.db.selectFrom('notifications').select('status').where('registration_id', '=', drop.registrationId).where('kind', '=', 'reminder').executeTakeFirstOrThrow()
    expect(skipped.status).toBe('skipped')
    expect(keep.status).toBe('confirmed')
  })
})
