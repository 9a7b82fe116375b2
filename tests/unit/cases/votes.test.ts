import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCall, type CallRow } from '~~/server/cases/calls'
import { castVote } from '~~/server/cases/votes'
import { newId } from '~~/server/database/ids'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { prepare } from '~~/tests/support/events'

process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 9).toString('base64')
const HOUR = 3_600_000

async function openCall(t: TestDatabase, slug: string, votesPerPerson = 3): Promise<CallRow> {
  const now = Date.now()
  return insertCall(t.db, 'tianjin', {
    slug, title: { zh: '征集', en: 'Call' }, rules: { zh: '规则', en: 'Rules' },
    opensAt: new Date(now - 48 * HOUR).toISOString(), closesAt: new Date(now + 48 * HOUR).toISOString(),
    voteOpensAt: new Date(now - HOUR).toISOString(), voteClosesAt: new Date(now + 96 * HOUR).toISOString(),
    votesPerPerson, voteWeight: 20, weights: { exemplary: 40, innovative: 30, replicable: 30 },
  })
}

async function publishedCase(t: TestDatabase, call: CallRow) {
  const id = newId()
  const now = new Date().toISOString()
  await t.db.insertInto('case_submissions').values({
    id, call_id: call.id, slug: `case-${id.slice(-12)}`, status: 'published', reject_reason: null, title: '案例', organisation_name: '机构', credit_code: null, district: 'heping',
    theme: 'daily-life', summary: null, description: null, outcomes_json: '[]', contact_name_enc: null, contact_phone_enc: null, phone_hash: null, edit_code_hash: 'x',
    submitted_by: null, organisation_id: null, hidden_at: null, hidden_reason: null, submitted_at: now, published_at: now, awarded_at: null,
    purge_after: now, anonymised_at: null, source: 'user', created_at: now, updated_at: now,
  }).execute()
  return id
}

const countOf = async (t: TestDatabase, id: string) => (await t.db.selectFrom('case_submissions').select('vote_count').where('id', '=', id).executeTakeFirstOrThrow()).vote_count

describe.each(dialects)('case votes on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => t?.close())

  it('counts each number once per case when 100 votes arrive at once from 20 numbers', async () => {
    const call = await openCall(t, 'race')
    const id = await publishedCase(t, call)
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => castVote(t.db, call, id, `hash-${i % 20}`)))
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(20)
    const reasons = results.filter(r => r.status === 'rejected').map(r => (r as PromiseRejectedResult).reason.data?.reason)
    expect(new Set(reasons)).toEqual(new Set(['already-voted']))
    expect(await countOf(t, id)).toBe(20)
  })

  it('keeps each number within the call\'s votes per person when it votes for six cases at once', async () => {
    const call = await openCall(t, 'limit', 3)
    const ids = await Promise.all(Array.from({ length: 6 }, () => publishedCase(t, call)))
    const results = await Promise.allSettled(ids.flatMap(id => [castVote(t.db, call, id, 'one-number'), castVote(t.db, call, id, 'other-number')]))
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(6)
    const counts = await Promise.all(ids.map(id => countOf(t, id)))
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6)
    const voters = await t.db.selectFrom('case_voters').select(['phone_hash', 'votes']).where('call_id', '=', call.id).orderBy('phone_hash').execute()
    expect(voters).toEqual([{ phone_hash: 'one-number', votes: 3 }, { phone_hash: 'other-number', votes: 3 }])
  })

  it('refuses votes outside the window', async () => {
    const call = await openCall(t, 'window')
    const id = await publishedCase(t, call)
    await expect(castVote(t.db, { ...call, vote_closes_at: new Date(Date.now() - 1000).toISOString() }, id, 'late')).rejects.toMatchObject({ statusCode: 410 })
  })

  it('control: without the unique index the same race counts numbers twice', async () => {
    await sql`drop index case_votes_number_uq`.execute(t.db)
    try {
      const call = await openCall(t, 'race-control')
      const id = await publishedCase(t, call)
      await Promise.allSettled(Array.from({ length: 100 }, (_, i) => castVote(t.db, call, id, `hash-${i % 20}`)))
      expect(await countOf(t, id)).toBeGreaterThan(20)
    }
    finally {
      await t.db.deleteFrom('case_votes').execute()
      await sql`create unique index case_votes_number_uq on case_votes (submission_id, phone_hash)`.execute(t.db)
    }
  })
})
