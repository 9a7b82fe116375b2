import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { book } from '~~/server/events/booking'
import { updateAndTell, sendEventMessage, MessageLimitError } from '~~/server/events/changes'
import { createSeries, editedColumns, followingColumns, followingOccurrences, plannedStarts, seriesCalendar, SeriesInputError, splitSeries } from '~~/server/events/series'
import { writeTransaction } from '~~/server/database/write-transaction'
import { beijingDate, beijingWeekday, ruleText, seriesStarts, shiftDate } from '#shared/events/series'
import { sendPending } from '~~/server/notifications/sender'
import type { NotificationProvider, OutgoingMessage } from '~~/server/notifications/providers'
import { encryptText, lookupHash } from '~~/server/privacy/crypto'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { farFuture, insertEvent, prepare, sealed, tianjin } from '~~/tests/support/events'

process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 9).toString('base64')
const sealedFor = async (phone: string) => ({ name_enc: await encryptText('宋秀英'), phone_enc: await encryptText(phone), phone_hash: await lookupHash(phone) })

const DAY = 86_400_000
/** A Tuesday 14:00 in Beijing, five to six weeks from now (computed, never a literal date). */
function tuesdayAfternoon(): string {
  const d = new Date(Date.now() + 35 * DAY)
  const shanghai = new Date(d.getTime() + 8 * 3_600_000)
  const ahead = (2 - shanghai.getUTCDay() + 7) % 7
  const date = new Date(shanghai.getTime() + ahead * DAY).toISOString().slice(0, 10)
  return new Date(`${date}T14:00:00+08:00`).toISOString()
}
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()

describe('repeat rules (RRULE read in Beijing time)', () => {
  it('makes a weekly series on chosen days with a count, skipping an exception (COUNT counts it, as calendars do)', () => {
    const first = tuesdayAfternoon()
    expect(beijingWeekday(first)).toBe('TU')
    const rule = ruleText({ frequency: 'weekly', weekdays: ['TH', 'TU'], count: 6 })
    expect(rule).toBe('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6')
    const thursday = shiftDate(beijingDate(first), 2)
    const starts = seriesStarts(rule, first, [thursday])
    expect(starts).toHaveLength(5)
    expect(starts[0]).toBe(first)
    expect(starts.map(beijingDate)).not.toContain(thursday)
    expect(starts.map(beijingWeekday)).toEqual(['TU', 'TU', 'TH', 'TU', 'TH'])
    expect(starts.every(s => new Date(Date.parse(s) + 8 * 3_600_000).getUTCHours() === 14)).toBe(true)
  })

  it('ends a daily series on a Beijing date (UNTIL at 23:59:59 Beijing, written in UTC), even for a class at 07:00 (23:00 UTC the day before)', () => {
    const first = new Date(`${beijingDate(tuesdayAfternoon())}T07:00:00+08:00`).toISOString()
    const until = shiftDate(beijingDate(first), 3)
    const rule = ruleText({ frequency: 'daily', until })
    expect(rule).toMatch(/^FREQ=DAILY;UNTIL=\d{8}T155959Z$/)
    const starts = seriesStarts(rule, first)
    expect(starts.map(beijingDate)).toEqual([0, 1, 2, 3].map(n => shiftDate(beijingDate(first), n)))
  })

  it('refuses a first class on a day the rule does not make, a skipped first class, too many and too few', () => {
    const first = tuesdayAfternoon()
    expect(() => plannedStarts({ frequency: 'weekly', weekdays: ['WE'], count: 4 }, first)).toThrow(SeriesInputError)
    expect(() => plannedStarts({ frequency: 'weekly', weekdays: ['TU'], count: 4, except: [beijingDate(first)] }, first)).toThrow()
    expect(() => plannedStarts({ frequency: 'daily', until: shiftDate(beijingDate(first), 80) }, first)).toThrow()
    expect(() => plannedStarts({ frequency: 'daily', until: beijingDate(first) }, first)).toThrow()
    expect(plannedStarts({ frequency: 'daily', until: shiftDate(beijingDate(first), 59) }, first).starts).toHaveLength(60)
  })
})

describe.each(dialects)('series and change texts on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  async function makeSeries(rule: Parameters<typeof plannedStarts>[0]) {
    const template = await insertEvent(t.db, { status: 'draft' })
    await t.db.deleteFrom('events').where('id', '=', template.id).execute()
    const first = tuesdayAfternoon()
    const row = { ...template, id: `s-${Math.random().toString(36).slice(2)}`, slug: `series-${Math.random().toString(36).slice(2, 8)}`, starts_at: first, ends_at: plus(first, 2 * 3_600_000), booking_opens_at: new Date(Date.now() - DAY).toISOString(), booking_closes_at: plus(first, -3_600_000), status: 'published' as const }
    const made = await createSeries(t.db, row, plannedStarts(rule, first))
    return { ...made, first }
  }

  it('creates one bookable event per occurrence, linked to its series, with the first one\'s length and closing time', async () => {
    const { seriesId, ids, slugs, first } = await makeSeries({ frequency: 'weekly', weekdays: ['TU', 'TH'], count: 6, except: [shiftDate(beijingDate(tuesdayAfternoon()), 2)] })
    expect(ids).toHaveLength(5)
    expect(new Set(slugs).size).toBe(5)
    const rows = await t.db.selectFrom('events').selectAll().where('series_id', '=', seriesId).orderBy('starts_at').execute()
    expect(rows.map(r => r.id)).toEqual(ids)
    expect(rows[0]!.starts_at).toBe(first)
    for (const r of rows) {
      expect(Date.parse(r.ends_at) - Date.parse(r.starts_at)).toBe(2 * 3_600_000)
      expect(Date.parse(r.starts_at) - Date.parse(r.booking_closes_at)).toBe(3_600_000)
    }
    const booked = await book(t.db, { event: { id: ids[3]! }, partySize: 2, sealed: sealed('s1'), purgeAfter: farFuture })
    expect(booked.status).toBe('confirmed')
    const cal = await seriesCalendar(t.db, seriesId)
    expect(cal!.rule).toBe('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6')
    expect(cal!.exdates.map(beijingDate)).toEqual([shiftDate(beijingDate(first), 2)])
  })

  it('edits "this and following": earlier ones unchanged, later ones moved as far, bookings kept, the series split, and each move texted once', async () => {
    const { seriesId, ids } = await makeSeries({ frequency: 'weekly', weekdays: ['TU'], count: 5 })
    const before = await t.db.selectFrom('events').selectAll().where('series_id', '=', seriesId).orderBy('starts_at').execute()
    const early = await book(t.db, { event: { id: ids[0]! }, partySize: 1, sealed: sealed('e1'), purgeAfter: farFuture })
    const late = await book(t.db, { event: { id: ids[3]! }, partySize: 2, sealed: sealed('l1'), purgeAfter: farFuture })
    const edited = before[2]!
    // One day and an hour later (Wednesday 15:00), from the third class on.
    const columns = { starts_at: plus(edited.starts_at, DAY + 3_600_000), ends_at: plus(edited.ends_at, DAY + 3_600_000), title_zh: '改名后的课' }
    const following = (await followingOccurrences(t.db, edited)).filter(o => o.id !== edited.id)
    expect(following.map(o => o.id)).toEqual(ids.slice(3))
    const notified = await writeTransaction(t.db, async (trx) => {
      await splitSeries(trx, edited, columns.starts_at)
      let n = await updateAndTell(trx, edited.id, editedColumns(edited, columns) as typeof columns, null)
      for (const o of following) n += await updateAndTell(trx, o.id, followingColumns(edited, columns, o) as typeof columns, null)
      return n
    })
    expect(notified).toBe(1)

    const after = await t.db.selectFrom('events').selectAll().where('id', 'in', ids).orderBy('starts_at').execute()
    expect(after.slice(0, 2).map(r => [r.starts_at, r.title_zh, r.series_id])).toEqual(before.slice(0, 2).map(r => [r.starts_at, r.title_zh, seriesId]))
    for (const [i, r] of after.slice(2).entries()) {
      expect(r.starts_at).toBe(plus(before[i + 2]!.starts_at, DAY + 3_600_000))
      expect(r.title_zh).toBe('改名后的课')
      expect(beijingWeekday(r.starts_at)).toBe('WE')
      expect(r.series_id).not.toBe(seriesId)
    }
    expect(new Set(after.slice(2).map(r => r.series_id)).size).toBe(1)
    const regs = await t.db.selectFrom('registrations').select(['id', 'event_id', 'status']).where('id', 'in', [early.registrationId, late.registrationId]).execute()
    expect(regs.map(r => [r.event_id, r.status]).sort()).toEqual([[ids[0], 'confirmed'], [ids[3], 'confirmed']].sort())

    const old = await seriesCalendar(t.db, seriesId)
    expect(old!.rule).toMatch(/^FREQ=WEEKLY;BYDAY=TU;UNTIL=\d{8}T\d{6}Z$/)
    const split = await seriesCalendar(t.db, after[2]!.series_id!)
    expect(split!.rule).toBe('FREQ=WEEKLY;BYDAY=WE;COUNT=3')
    expect(seriesStarts(split!.rule, split!.startsAt)).toEqual(after.slice(2).map(r => r.starts_at))
    // The rule moved with them: no class of either part differs from its rule.
    expect(after.every(r => r.series_start === r.starts_at)).toBe(true)
    expect(split!.overrides).toEqual([])

    // Only the booking on a moved class hears of it, once; saving the same move again texts nobody.
    const texts = await t.db.selectFrom('notifications').select(['registration_id', 'kind', 'occasion']).where('kind', '=', 'event-changed').where('event_id', 'in', ids).execute()
    expect(texts.map(x => x.registration_id)).toEqual([late.registrationId])
    expect(texts[0]!.occasion).not.toBe('')
    const again = await writeTransaction(t.db, trx => updateAndTell(trx, ids[3]!, { starts_at: after[3]!.starts_at }, null))
    expect(again).toBe(0)
    // A second, different move is a second text for the same booking (its own occasion).
    const second = await writeTransaction(t.db, trx => updateAndTell(trx, ids[3]!, { venue_id: null, starts_at: plus(after[3]!.starts_at, 1_800_000) }, null))
    expect(second).toBe(1)
    expect(await t.db.selectFrom('notifications').select('id').where('kind', '=', 'event-changed').where('registration_id', '=', late.registrationId).execute()).toHaveLength(2)
  })

  it('keeps the start the rule gave a class moved on its own, so the series\' calendar names it (RECURRENCE-ID)', async () => {
    const { seriesId, ids } = await makeSeries({ frequency: 'weekly', weekdays: ['TU'], count: 3 })
    const second = await t.db.selectFrom('events').selectAll().where('id', '=', ids[1]!).executeTakeFirstOrThrow()
    expect(second.series_start).toBe(second.starts_at)
    const later = plus(second.starts_at, 3_600_000)
    await writeTransaction(t.db, trx => updateAndTell(trx, second.id, { starts_at: later, ends_at: plus(second.ends_at, 3_600_000) }, null))
    const cal = await seriesCalendar(t.db, seriesId)
    expect(cal!.overrides).toEqual([{ recurrenceId: second.starts_at, startsAt: later, endsAt: plus(second.ends_at, 3_600_000) }])
    // Cancelling the third skips the rule's own start for it.
    const third = await t.db.selectFrom('events').selectAll().where('id', '=', ids[2]!).executeTakeFirstOrThrow()
    await t.db.updateTable('events').set({ status: 'cancelled' }).where('id', '=', third.id).execute()
    expect((await seriesCalendar(t.db, seriesId))!.exdates).toEqual([third.series_start])
  })

  it('queues an organiser\'s message for everyone booked and waiting, three at most', async () => {
    const event = await insertEvent(t.db, { capacity: 1 })
    await book(t.db, { event: { id: event.id }, partySize: 1, sealed: sealed('m1'), purgeAfter: farFuture })
    await book(t.db, { event: { id: event.id }, partySize: 1, sealed: sealed('m2'), purgeAfter: farFuture })
    for (const n of [1, 2, 3]) {
      const sent = await writeTransaction(t.db, trx => sendEventMessage(trx, event.id, `第${n}条通知`, null))
      expect(sent).toMatchObject({ seq: n, recipients: 2 })
    }
    await expect(writeTransaction(t.db, trx => sendEventMessage(trx, event.id, '第4条', null))).rejects.toBeInstanceOf(MessageLimitError)
    const queued = await t.db.selectFrom('notifications').select('occasion').where('event_id', '=', event.id).where('kind', '=', 'event-message').execute()
    expect(queued).toHaveLength(6)
    expect(new Set(queued.map(q => q.occasion)).size).toBe(3)
  })
  it('sends the change and the message texts with their template values, and skips a booking cancelled since', async () => {
    const venue = await t.db.selectFrom('venues').select(['id', 'name_zh']).where('city_slug', '=', 'tianjin').executeTakeFirstOrThrow()
    const event = await insertEvent(t.db, { capacity: 5, title_zh: '智能手机入门' })
    const a = await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor('13700000101'), purgeAfter: farFuture })
    const sent: OutgoingMessage[] = []
    const provider: NotificationProvider = { name: 'test', send: async (m) => {
      sent.push(m)
    } }
    await sendPending(t.db, provider, tianjin, 'https://portal.example')
    sent.length = 0
    const moved = plus(event.starts_at, 3_600_000)
    expect(await writeTransaction(t.db, trx => updateAndTell(trx, event.id, { starts_at: moved, ends_at: plus(event.ends_at, 3_600_000), venue_id: venue.id }, null))).toBe(1)
    await writeTransaction(t.db, trx => sendEventMessage(trx, event.id, '请从北门进入', null))
    await sendPending(t.db, provider, tianjin, 'https://portal.example')
    const changed = sent.find(m => m.kind === 'event-changed')!
    expect(changed.params).toMatchObject({ title: '智能手机入门', changed: '时间和地点', place: venue.name_zh, code: a.code })
    expect(changed.text).toContain('时间和地点有变动')
    expect(changed.text).toContain('https://portal.example/release/')
    const message = sent.find(m => m.kind === 'event-message')!
    expect(message.params.message).toBe('请从北门进入')
    expect(message.text).toBe(`【天津市信息消费体验周】「智能手机入门」（${changed.params.time}）主办方通知：请从北门进入`)
    // What organisers see kept: never the resident's link.
    const kept = await t.db.selectFrom('notifications').select('message').where('event_id', '=', event.id).where('kind', '=', 'event-changed').executeTakeFirstOrThrow()
    expect(kept.message).not.toContain('/release/')

    await t.db.updateTable('registrations').set({ status: 'cancelled' }).where('id', '=', a.registrationId).execute()
    await writeTransaction(t.db, trx => sendEventMessage(trx, event.id, '第二条', null)).catch(() => {})
    const b = await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor('13700000102'), purgeAfter: farFuture })
    await t.db.updateTable('registrations').set({ status: 'cancelled' }).where('id', '=', b.registrationId).execute()
    await t.db.insertInto('notifications').values({ id: `n-${b.code}`, event_id: event.id, registration_id: b.registrationId, kind: 'event-message', occasion: 'x', status: 'pending', send_after: '2000-01-01T00:00:00.000Z', attempts: 0, provider: null, message: null, last_error: null, sent_at: null, created_at: '2000-01-01T00:00:00.000Z', claimed_by: null, claimed_until: null }).execute()
    sent.length = 0
    const counts = await sendPending(t.db, provider, tianjin, 'https://portal.example')
    expect(sent.filter(m => m.to === '13700000102' && m.kind === 'event-message')).toEqual([])
    expect(counts.skipped).toBeGreaterThan(0)
  })
})
