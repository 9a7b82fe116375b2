import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InboundSms } from '#shared/sms/schemas'
import { book } from '~~/server/events/booking'
import type { OutboxKind, RegistrationRow } from '~~/server/database/schema'
import { queueReminders } from '~~/server/notifications/reminders'
import { sendPending } from '~~/server/notifications/sender'
import type { NotificationProvider } from '~~/server/notifications/providers'
import { encryptText, lookupHash } from '~~/server/privacy/crypto'
import { handleInboundSms } from '~~/server/sms/inbound'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { insertEvent, prepare, tianjin } from '~~/tests/support/events'

process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 9).toString('base64')

const HOUR = 3_600_000
let phones = 0
const newPhone = () => `1370000${String(++phones).padStart(4, '0')}`
const sealedFor = async (phone: string) => ({ name_enc: await encryptText('宋秀英'), phone_enc: await encryptText(phone), phone_hash: await lookupHash(phone) })
let ids = 0
const sms = (from: string, text: string, id = `gw-${Date.now()}-${++ids}`): InboundSms => ({ id, from, text, receivedAt: new Date().toISOString() })

describe.each(dialects)('replies by text message on $name', ({ open }) => {
  let t: TestDatabase
  const audits: Array<{ action: string, code: string }> = []
  const ctx = { citySlug: 'tianjin', audit: async (action: string, reg: RegistrationRow) => {
    audits.push({ action, code: reg.code })
  } }
  const sent: Array<{ to: string, kind: string, text: string }> = []
  const provider: NotificationProvider = { name: 'test', send: async ({ to, kind, text }) => {
    sent.push({ to, kind, text })
  } }

  /** An event starting in `hours` (a reminder is due for it), with the number's booking and the reminder queued. */
  async function bookedWithReminder(phone: string, options: { hours?: number, capacity?: number, title?: string } = {}) {
    const starts = new Date(Date.now() + (options.hours ?? 23) * HOUR)
    const event = await insertEvent(t.db, { capacity: options.capacity ?? 5, title_zh: options.title ?? '手机支付课', starts_at: starts.toISOString(), ends_at: new Date(starts.getTime() + HOUR).toISOString(), booking_closes_at: new Date(starts.getTime() - HOUR).toISOString() })
    const booking = await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor(phone), purgeAfter: '2099-01-01T00:00:00.000Z' })
    await queueReminders(t.db)
    return { event, booking }
  }
  const statusOf = async (id: string) => (await t.db.selectFrom('registrations').select(['status', 'attendance_confirmed_at']).where('id', '=', id).executeTakeFirstOrThrow())
  const queued = async (registrationId: string) => (await t.db.selectFrom('notifications').select('kind').where('registration_id', '=', registrationId).where('kind', 'like', 'reply-%' as OutboxKind).orderBy('kind').execute()).map(r => r.kind)
  const deliver = async () => {
    sent.length = 0
    await sendPending(t.db, provider, tianjin, 'https://portal.example')
    return sent
  }

  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('"0" cancels the booking as the release link does: the waiting list moves up, audited as the resident\'s act, a receipt goes out', async () => {
    const phone = newPhone()
    const { event, booking } = await bookedWithReminder(phone, { capacity: 1, title: '防诈骗讲座' })
    const waiting = await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor(newPhone()), purgeAfter: '2099-01-01T00:00:00.000Z' })
    expect(waiting.status).toBe('waitlisted')
    audits.length = 0

    expect(await handleInboundSms(t.db, sms(`+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, '0'), ctx)).toBe('cancelled')
    expect((await statusOf(booking.registrationId)).status).toBe('cancelled')
    expect((await statusOf(waiting.registrationId)).status).toBe('confirmed')
    expect(audits).toEqual([{ action: 'booking.release-by-resident', code: booking.code }])
    expect(await queued(booking.registrationId)).toEqual(['reply-cancelled'])
    const texts = await deliver()
    expect(texts.find(s => s.kind === 'reply-cancelled')).toMatchObject({ to: phone, text: expect.stringContaining('已为您取消「防诈骗讲座」') })
  })

  it('"确认" (or "1") marks the booking confirmed for the organiser\'s list and keeps the place', async () => {
    const phone = newPhone()
    const { booking } = await bookedWithReminder(phone)
    expect(await handleInboundSms(t.db, sms(phone, '确认'), ctx)).toBe('confirmed')
    const after = await statusOf(booking.registrationId)
    expect(after.status).toBe('confirmed')
    expect(after.attendance_confirmed_at).not.toBeNull()
    expect(await queued(booking.registrationId)).toEqual(['reply-confirmed'])
    expect((await deliver()).find(s => s.kind === 'reply-confirmed')?.text).toContain(booking.code)
  })

  it('the reminder itself tells how to reply', async () => {
    const phone = newPhone()
    await bookedWithReminder(phone)
    const reminder = (await deliver()).find(s => s.to === phone && s.kind === 'reminder')
    expect(reminder?.text).toContain('回复1确认参加，回复0取消')
  })

  it('a number with several bookings gets a numbered text for each, and "０　２" in full-width cancels the second only', async () => {
    const phone = newPhone()
    const later = await bookedWithReminder(phone, { hours: 25, title: '网上挂号课' })
    const sooner = await bookedWithReminder(phone, { hours: 21, title: '手机缴费课' })
    expect(await handleInboundSms(t.db, sms(phone, '0'), ctx)).toBe('choices')
    expect((await statusOf(sooner.booking.registrationId)).status).toBe('confirmed')
    expect(await queued(sooner.booking.registrationId)).toEqual(['reply-choice-1'])
    expect(await queued(later.booking.registrationId)).toEqual(['reply-choice-2'])
    const choices = (await deliver()).filter(s => s.to === phone && s.kind.startsWith('reply-choice')).sort((a, b) => a.kind.localeCompare(b.kind))
    expect(choices.map(c => c.text)).toEqual([
      expect.stringMatching(/第1个：「手机缴费课」.*回复"0 1"取消/),
      expect.stringMatching(/第2个：「网上挂号课」.*回复"0 2"取消/),
    ])

    audits.length = 0
    expect(await handleInboundSms(t.db, sms(phone, '０　２'), ctx)).toBe('cancelled')
    expect((await statusOf(later.booking.registrationId)).status).toBe('cancelled')
    expect((await statusOf(sooner.booking.registrationId)).status).toBe('confirmed')
    expect(audits).toEqual([{ action: 'booking.release-by-resident', code: later.booking.code }])
    // One booking left: "１" needs no number now.
    expect(await handleInboundSms(t.db, sms(phone, '１'), ctx)).toBe('confirmed')
    expect((await statusOf(sooner.booking.registrationId)).attendance_confirmed_at).not.toBeNull()
  })

  it('handles the same gateway id once (a control with a new id is acted on again)', async () => {
    const phone = newPhone()
    await bookedWithReminder(phone)
    audits.length = 0
    const message = sms(phone, '1')
    expect(await handleInboundSms(t.db, message, ctx)).toBe('confirmed')
    expect(await handleInboundSms(t.db, { ...message }, ctx)).toBe('duplicate')
    expect(await Promise.all([handleInboundSms(t.db, message, ctx), handleInboundSms(t.db, message, ctx)])).toEqual(['duplicate', 'duplicate'])
    expect(audits).toHaveLength(1)
    expect(await handleInboundSms(t.db, sms(phone, '1'), ctx)).toBe('confirmed')
    expect(audits).toHaveLength(2)
    expect(await t.db.selectFrom('sms_inbound').select(['outcome']).where('id', '=', message.id).execute()).toEqual([{ outcome: 'confirmed' }])
  })

  it('lets go of the id when acting fails, so the gateway\'s retry is handled', async () => {
    const phone = newPhone()
    const { booking } = await bookedWithReminder(phone)
    const message = sms(phone, '1')
    const failing = { ...ctx, audit: async () => {
      throw new Error('audit log away')
    } }
    await expect(handleInboundSms(t.db, message, failing)).rejects.toThrow('audit log away')
    expect(await t.db.selectFrom('sms_inbound').select('id').where('id', '=', message.id).execute()).toEqual([])
    audits.length = 0
    expect(await handleInboundSms(t.db, message, ctx)).toBe('confirmed')
    expect(audits).toEqual([{ action: 'booking.attendance-confirmed-by-resident', code: booking.code }])
  })

  it('answers no one for a number without a booking awaiting a reply, and changes nothing', async () => {
    const before = await t.db.selectFrom('notifications').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(await handleInboundSms(t.db, sms(newPhone(), '0'), ctx)).toBe('no-booking')
    expect(await handleInboundSms(t.db, sms('not a number', '0'), ctx)).toBe('no-booking')
    // A booking a week away has no reminder yet: nothing to answer either.
    const phone = newPhone()
    const { booking } = await bookedWithReminder(phone, { hours: 24 * 7 })
    expect(await handleInboundSms(t.db, sms(phone, '0'), ctx)).toBe('no-booking')
    expect((await statusOf(booking.registrationId)).status).toBe('confirmed')
    const after = await t.db.selectFrom('notifications').select(eb => eb.fn.countAll<number>().as('n')).where('kind', 'like', 'reply-%' as OutboxKind).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBeLessThanOrEqual(Number(before.n))
    expect(await queued(booking.registrationId)).toEqual([])
  })

  it('anything else gets one help text, however many times it is sent', async () => {
    const phone = newPhone()
    const { booking } = await bookedWithReminder(phone)
    expect(await handleInboundSms(t.db, sms(phone, '你好，几点开始？'), ctx)).toBe('help')
    expect(await handleInboundSms(t.db, sms(phone, '在哪里？'), ctx)).toBe('help')
    expect(await queued(booking.registrationId)).toEqual(['reply-help'])
    expect((await statusOf(booking.registrationId)).status).toBe('confirmed')
    expect((await deliver()).filter(s => s.kind === 'reply-help' && s.to === phone).map(s => s.text)).toEqual([expect.stringContaining('回复1确认参加，回复0取消')])
  })
})
