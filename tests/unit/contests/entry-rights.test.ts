import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertContest } from '~~/server/contests/contests'
import { answerEntry, createEntry, entryState, leaderboard } from '~~/server/contests/entries'
import type { PoolItem } from '~~/server/contests/pool-item'
import { contestEntriesDataSource, contestNumberKeysPurger } from '~~/server/contests/privacy'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { prepare, tianjin } from '~~/tests/support/events'

process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 9).toString('base64')

const pool = new Map<string, PoolItem>(Array.from({ length: 8 }, (_, i) => [`q${i}`, { view: { id: `q${i}`, kind: 'question', question: { zh: '问', en: 'Q' }, options: [{ zh: 'a', en: 'a' }, { zh: 'b', en: 'b' }] }, answer: 0, explain: { zh: '因为', en: 'Because' }, topic: 'fraud' }]))
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex')

async function openContest(t: TestDatabase, slug: string) {
  const id = await insertContest(t.db, 'tianjin', {
    slug, title: { zh: '竞赛', en: 'Contest' }, rules: { zh: '规则', en: 'Rules' },
    opensAt: new Date(Date.now() - 3_600_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    questionsPerEntry: 5, teamKind: 'district', leaderboard: 'live', topics: ['fraud'],
  }, null)
  return t.db.selectFrom('contests').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}
const enter = (t: TestDatabase, contest: Awaited<ReturnType<typeof openContest>>, phoneHash: string, nickname: string) =>
  createEntry(t.db, contest, tianjin, pool, { phoneHash, phone: '13800138000', team: 'heping', nickname })

describe.each(dialects)('who may answer, erase and enter again, on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => t?.close())

  it('answers an entry only with the secret minted at entry; the id alone, or another secret, is refused (403)', async () => {
    const contest = await openContest(t, 'secret')
    const made = await enter(t, contest, 'h-secret', '甲')
    expect(made.entrySecret).toMatch(/^[\w-]{32}$/)
    const stored = await t.db.selectFrom('contest_entries').select('secret_hash').where('id', '=', made.entryId).executeTakeFirstOrThrow()
    // Only its hash is kept.
    expect(stored.secret_hash).toBe(hashOf(made.entrySecret))
    const body = { itemId: made.items[0]!.id, answer: { option: 0 } }
    await expect(answerEntry(t.db, pool, made.entryId, hashOf('x'.repeat(32)), body)).rejects.toMatchObject({ statusCode: 403 })
    await expect(entryState(t.db, pool, made.entryId, hashOf('y'.repeat(32)))).rejects.toMatchObject({ statusCode: 403 })
    await expect(answerEntry(t.db, pool, made.entryId, hashOf(made.entrySecret), body)).resolves.toMatchObject({ correct: true })
    // Control: the secret that works here is refused for another entry.
    const other = await enter(t, contest, 'h-secret-2', '乙')
    await expect(answerEntry(t.db, pool, other.entryId, hashOf(made.entrySecret), { itemId: other.items[0]!.id, answer: { option: 0 } })).rejects.toMatchObject({ statusCode: 403 })
  })

  it('an entry whose item left the question bank gets a clear 410, not a crash', async () => {
    const contest = await openContest(t, 'gone')
    const made = await enter(t, contest, 'h-gone', '丙')
    const without = new Map(pool)
    without.delete(made.items[0]!.id)
    await expect(answerEntry(t.db, without, made.entryId, hashOf(made.entrySecret), { itemId: made.items[0]!.id, answer: { option: 0 } }))
      .rejects.toMatchObject({ statusCode: 410, data: { reason: 'item-gone' } })
    // Nothing was stored for it; the entry's other items still answer.
    const state = await entryState(t.db, without, made.entryId, hashOf(made.entrySecret))
    expect(state.answered).toEqual([])
    await expect(answerEntry(t.db, without, made.entryId, hashOf(made.entrySecret), { itemId: made.items[1]!.id, answer: { option: 0 } })).resolves.toMatchObject({ correct: true })
  })

  it('after an erase the nickname, number and score are gone from the board, and the same number is still refused (409)', async () => {
    const contest = await openContest(t, 'erase')
    const made = await enter(t, contest, 'h-erase', '丁丁')
    for (const item of made.items) await answerEntry(t.db, pool, made.entryId, hashOf(made.entrySecret), { itemId: item.id, answer: { option: 0 } })
    expect((await leaderboard(t.db, contest, tianjin)).individuals.map(p => p.nickname)).toEqual(['丁丁'])
    expect(await contestEntriesDataSource.erase(t.db, 'h-erase')).toBe(1)
    const row = await t.db.selectFrom('contest_entries').selectAll().where('id', '=', made.entryId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ phone_hash: null, phone_enc: null, nickname: '', correct: 0, answered: 0, secret_hash: null })
    expect(row.number_key).toMatch(/^[0-9a-f]{64}$/)
    expect(row.number_key).not.toBe('h-erase')
    expect(await t.db.selectFrom('contest_answers').select('item_id').where('entry_id', '=', made.entryId).execute()).toEqual([])
    expect((await leaderboard(t.db, contest, tianjin)).individuals).toEqual([])
    expect(await contestEntriesDataSource.find(t.db, 'h-erase')).toEqual([])
    await expect(enter(t, contest, 'h-erase', '丁丁又来')).rejects.toMatchObject({ statusCode: 409 })
    // Control: a number that never entered still can.
    await expect(enter(t, contest, 'h-erase-other', '戊')).resolves.toMatchObject({ entryId: expect.any(String) })
    // Another contest is another contest.
    await expect(enter(t, await openContest(t, 'erase-next'), 'h-erase', '丁丁')).resolves.toMatchObject({ entryId: expect.any(String) })
  })

  it('the key that refuses a second entry is purged at the close, and only then', async () => {
    const contest = await openContest(t, 'purge')
    await enter(t, contest, 'h-purge', '己')
    await contestEntriesDataSource.erase(t.db, 'h-purge')
    const keyOf = async () => (await t.db.selectFrom('contest_entries').select('number_key').where('contest_id', '=', contest.id).executeTakeFirstOrThrow()).number_key
    expect(await contestNumberKeysPurger.purge(t.db, new Date().toISOString())).toBe(0)
    expect(await keyOf()).not.toBeNull()
    expect(await contestNumberKeysPurger.purge(t.db, contest.closes_at)).toBeGreaterThanOrEqual(1)
    expect(await keyOf()).toBeNull()
  })
})
