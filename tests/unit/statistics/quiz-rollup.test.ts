// test-clock: the attempts carry their own instants and the years are passed in.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { rebuildQuizAnswerDays } from '~~/server/database/migrations/0011_statistics'
import { answerItem } from '~~/server/quizzes/attempts'
import type { Bank } from '~~/server/quizzes/bank'
import { statisticsContext } from '~~/server/statistics/context'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { prepare, tianjin } from '~~/tests/support/events'

// The bank reads content through @nuxt/content, which needs Nuxt; the answer path only needs the items below.
vi.mock('~~/server/quizzes/bank', () => ({ itemViewOf: (i: unknown) => i }))

// Judgements only: enough of an item for answerItem to check a verdict and say why.
const items = [
  { id: 'q-sms', type: 'fake-parcel', lookalike: null },
  { id: 'q-call', type: 'impersonation', lookalike: null },
  { id: 'q-real', type: 'genuine', lookalike: 'fake-parcel' },
].map(i => ({ ...i, kind: 'judge', screen: { parts: [] }, explain: 'x', todo: 'x' }))
const bank = { items: new Map(items.map(i => [i.id, i])) } as unknown as Bank

// The raw rows, counted the way the quiz section counted them before the daily counts.
const raw = (t: TestDatabase, year: number) => {
  const ctx = statisticsContext({} as never, t.db, tianjin, year, new Uint8Array(32))
  return t.db.selectFrom('quiz_answers as a').innerJoin('quiz_attempts as t', 't.id', 'a.attempt_id')
    .where('t.city_slug', '=', 'tianjin').where('t.created_at', '>=', ctx.fromIso).where('t.created_at', '<', ctx.toIso)
    .select(['a.item_type', sql<string>`coalesce(a.lookalike, '')`.as('lookalike'), 'a.verdict', sql<number>`count(*)`.as('n')])
    .groupBy(['a.item_type', 'a.lookalike', 'a.verdict']).execute()
}
const rolled = (t: TestDatabase, year: number) => {
  const ctx = statisticsContext({} as never, t.db, tianjin, year, new Uint8Array(32))
  return t.db.selectFrom('quiz_answer_days').where('city_slug', '=', 'tianjin').where('day', '>=', ctx.from).where('day', '<=', ctx.to)
    .select(['item_type', 'lookalike', 'verdict', sql<number>`sum(answers)`.as('n')]).groupBy(['item_type', 'lookalike', 'verdict']).execute()
}
const sorted = (rows: Array<{ item_type: string, lookalike: string, verdict: string, n: number | string }>) =>
  rows.map(r => `${r.item_type}|${r.lookalike}|${r.verdict}|${Number(r.n)}`).sort()

describe.each(dialects)('the quiz daily counts ($name)', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
    // Attempts on both sides of midnight in Beijing, and of the new year (2025-12-31T16:00Z is 2026-01-01 in Beijing).
    const starts = ['2025-12-31T15:59:00.000Z', '2025-12-31T16:00:00.000Z', '2026-03-01T15:30:00.000Z', '2026-03-01T16:30:00.000Z', '2026-06-10T02:00:00.000Z']
    let n = 0
    for (const [i, created] of starts.entries()) {
      for (let k = 0; k < 4; k++) {
        const id = `att-${i}-${k}`
        await t.db.insertInto('quiz_attempts').values({ id, quiz_slug: 'q', city_slug: 'tianjin', item_ids: JSON.stringify(items.map(x => x.id)), created_at: created }).execute()
        for (const item of items) await answerItem(t.db, bank, id, { itemId: item.id, answer: { verdict: n++ % 3 ? 'scam' : 'genuine' } } as never)
      }
    }
  }, 60_000)
  afterAll(async () => t?.close())

  it('gives the same figures as the raw answers, year by year', async () => {
    for (const year of [2025, 2026]) {
      expect(sorted(await rolled(t, year))).toEqual(sorted(await raw(t, year)))
      expect((await rolled(t, year)).length).toBeGreaterThan(0)
    }
  })

  it('counts a second answer to the same item once', async () => {
    const before = sorted(await rolled(t, 2026))
    await expect(answerItem(t.db, bank, 'att-4-0', { itemId: 'q-sms', answer: { verdict: 'scam' } } as never)).rejects.toMatchObject({ statusCode: 409 })
    expect(sorted(await rolled(t, 2026))).toEqual(before)
  })

  it('is rebuilt from the raw answers to the same counts (the backfill)', async () => {
    const kept = await t.db.selectFrom('quiz_answer_days').selectAll().orderBy('day').orderBy('item_type').orderBy('lookalike').orderBy('verdict').execute()
    await rebuildQuizAnswerDays(t.db as never)
    const rebuilt = await t.db.selectFrom('quiz_answer_days').selectAll().orderBy('day').orderBy('item_type').orderBy('lookalike').orderBy('verdict').execute()
    expect(rebuilt.map(r => ({ ...r, answers: Number(r.answers) }))).toEqual(kept.map(r => ({ ...r, answers: Number(r.answers) })))
  })
})
