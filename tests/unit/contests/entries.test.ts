import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertContest } from '~~/server/contests/contests'
import { createEntry } from '~~/server/contests/entries'
import type { PoolItem } from '~~/server/contests/pool-item'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { prepare, tianjin } from '~~/tests/support/events'

process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 9).toString('base64')

const pool = new Map<string, PoolItem>(Array.from({ length: 12 }, (_, i) => [`q${i}`, { view: { id: `q${i}`, kind: 'question', question: { zh: '问', en: 'Q' }, options: [{ zh: 'a', en: 'a' }, { zh: 'b', en: 'b' }, { zh: 'c', en: 'c' }] }, answer: 0, explain: { zh: '因为', en: 'Because' }, topic: 'fraud' }]))

async function openContest(t: TestDatabase, slug: string) {
  const id = await insertContest(t.db, 'tianjin', {
    slug, title: { zh: '竞赛', en: 'Contest' }, rules: { zh: '规则', en: 'Rules' },
    opensAt: new Date(Date.now() - 3_600_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    questionsPerEntry: 5, teamKind: 'district', leaderboard: 'live', topics: ['fraud'], withQuizItems: false,
  }, null)
  return t.db.selectFrom('contests').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

/** 200 entries at once from 50 numbers: each number four times. */
const race = (t: TestDatabase, contest: Awaited<ReturnType<typeof openContest>>) => Promise.allSettled(Array.from({ length: 200 }, (_, i) =>
  createEntry(t.db, contest, tianjin, pool, { phoneHash: `hash-${i % 50}`, phone: `138${String(i % 50).padStart(8, '0')}`, team: 'heping', nickname: `n${i}` })))

describe.each(dialects)('contest entries on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => t?.close())

  it('takes exactly one entry per number when 200 arrive at once from 50 numbers', async () => {
    const contest = await openContest(t, 'race')
    const results = await race(t, contest)
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(50)
    const refused = results.filter(r => r.status === 'rejected').map(r => (r as PromiseRejectedResult).reason.statusCode)
    expect(new Set(refused)).toEqual(new Set([409]))
    const { n } = await t.db.selectFrom('contest_entries').select(sql<number>`count(*)`.as('n')).where('contest_id', '=', contest.id).executeTakeFirstOrThrow()
    expect(Number(n)).toBe(50)
  })

  it('control: without the unique indexes the same race lets numbers in twice', async () => {
    await sql`drop index contest_entries_number_uq`.execute(t.db)
    await sql`drop index contest_entries_number_key_uq`.execute(t.db)
    try {
      const contest = await openContest(t, 'race-control')
      const results = await race(t, contest)
      expect(results.filter(r => r.status === 'fulfilled').length).toBeGreaterThan(50)
    }
    finally {
      await t.db.deleteFrom('contest_entries').execute()
      await sql`create unique index contest_entries_number_uq on contest_entries (contest_id, phone_hash)`.execute(t.db)
      await sql`create unique index contest_entries_number_key_uq on contest_entries (contest_id, number_key)`.execute(t.db)
    }
  })

  it('refuses entries outside the window (410) and teams that are not the contest\'s (422)', async () => {
    const contest = await openContest(t, 'window')
    await expect(createEntry(t.db, contest, tianjin, pool, { phoneHash: 'h', phone: '13800000000', team: 'atlantis', nickname: 'nn' })).rejects.toMatchObject({ statusCode: 422 })
    await expect(createEntry(t.db, { ...contest, closes_at: new Date(Date.now() - 1000).toISOString() }, tianjin, pool, { phoneHash: 'h', phone: '13800000000', team: 'heping', nickname: 'nn' })).rejects.toMatchObject({ statusCode: 410 })
  })
})
