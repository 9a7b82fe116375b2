import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maskNumbers } from '#shared/events/feedback'
import { book } from '~~/server/events/booking'
import { FeedbackTakenError, feedbackResults, feedbackState, saveFeedback } from '~~/server/events/feedback'
import { dialects, openSqlite, type TestDatabase } from '~~/tests/support/databases'
import { farFuture, insertEvent, prepare, sealed } from '~~/tests/support/events'

describe('numbers masked out of a free comment', () => {
  it.each([
    ['请打我电话13812345678', '请打我电话[手机号]'],
    ['电话 138 1234 5678 谢谢', '电话 [手机号] 谢谢'],
    ['+86 138-1234-5678', '[手机号]'],
    ['身份证120101195003071234好', '身份证[身份证号]好'],
    ['身份证 12010119500307123X', '身份证 [身份证号]'],
    ['老身份证120101500307123', '老身份证[身份证号]'],
  ])('%s', (text, masked) => {
    expect(maskNumbers(text)).toBe(masked)
  })

  it('leaves other numbers alone (a control: times, dates, a room, a price)', () => {
    const text = '14:00开始，2035年1月8日，302室，票价10元，共5个人'
    expect(maskNumbers(text)).toBe(text)
  })
})

describe.each(dialects)('feedback on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('is open only to a booking that was checked in, once, even when two answers arrive at once', async () => {
    const event = await insertEvent(t.db)
    const b = await book(t.db, { event: { id: event.id }, partySize: 1, sealed: sealed(`f-${t.dialect}`), purgeAfter: farFuture })
    const reg = await t.db.selectFrom('registrations').selectAll().where('id', '=', b.registrationId).executeTakeFirstOrThrow()
    expect(await feedbackState(t.db, reg)).toBe('not-checked-in')
    await t.db.updateTable('registrations').set({ checked_in_at: new Date().toISOString() }).where('id', '=', reg.id).execute()
    expect(await feedbackState(t.db, { ...reg, checked_in_at: 'now' })).toBe('open')
    const other = t.openAnother?.() ?? t.db
    const answer = { overall: 5, learned: 'yes' as const, wants: ['mobile-payment' as const], comment: '很好，我的电话13912345678', eventId: event.id, registrationId: reg.id, source: 'resident' as const }
    const both = await Promise.allSettled([saveFeedback(t.db, answer), saveFeedback(other, { ...answer, overall: 4 })])
    if (other !== t.db) await other.destroy()
    expect(both.filter(r => r.status === 'fulfilled')).toHaveLength(1)
    expect(both.filter(r => r.status === 'rejected').map(r => (r as PromiseRejectedResult).reason)).toEqual([expect.any(FeedbackTakenError)])
    expect(await feedbackState(t.db, { ...reg, checked_in_at: 'now' })).toBe('answered')

    // Paper forms without a code are each their own answer.
    await saveFeedback(t.db, { overall: 2, learned: 'no', wants: [], eventId: event.id, registrationId: null, source: 'paper', userId: null })
    await saveFeedback(t.db, { overall: 3, learned: 'some', wants: ['mobile-payment', 'staying-safe'], comment: '字太小', eventId: event.id, registrationId: null, source: 'paper', userId: null })
    const results = await feedbackResults(t.db, event.id)
    expect(results).toMatchObject({ count: 3, paper: 2, learned: { yes: 1, some: 1, no: 1 } })
    expect(results.overall.reduce((a, b) => a + b, 0)).toBe(3)
    expect(results.wants[0]).toEqual({ topic: 'mobile-payment', count: 2 })
    expect(results.comments.map(c => c.text).sort()).toEqual(['字太小', '很好，我的电话[手机号]'].sort())
    const stored = await t.db.selectFrom('event_feedback').select('comment').where('event_id', '=', event.id).execute()
    expect(stored.some(r => r.comment?.includes('13912345678'))).toBe(false)
  })
})

describe('the control for one answer per booking', () => {
  it('without the unique index the same booking answers twice, so the test above would see it', async () => {
    const t = await openSqlite()
    try {
      await prepare(t.db)
      await sql`drop index event_feedback_registration_uq`.execute(t.db)
      const event = await insertEvent(t.db)
      const b = await book(t.db, { event: { id: event.id }, partySize: 1, sealed: sealed('control'), purgeAfter: farFuture })
      const answer = { overall: 5, learned: 'yes' as const, wants: [], eventId: event.id, registrationId: b.registrationId, source: 'resident' as const }
      const both = await Promise.allSettled([saveFeedback(t.db, answer), saveFeedback(t.db, answer)])
      expect(both.filter(r => r.status === 'fulfilled')).toHaveLength(2)
    }
    finally {
      await t.close()
    }
  })
})
