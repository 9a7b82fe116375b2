import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCall } from '~~/server/cases/calls'
import { caseContactsPurger, caseSubmissionsDataSource, caseVotersPurger, caseVotesDataSource } from '~~/server/cases/privacy'
import { castVote } from '~~/server/cases/votes'
import { newId } from '~~/server/database/ids'
import { encryptText } from '~~/server/privacy/crypto'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { prepare } from '~~/tests/support/events'

process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 9).toString('base64')
const DAY = 86_400_000
const at = (ms: number) => new Date(ms).toISOString()

describe.each(dialects)('the showcase\'s personal data on $name', ({ open }) => {
  let t: TestDatabase
  const now = Date.now()
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => t?.close())

  async function setUp(slug: string) {
    const call = await insertCall(t.db, 'tianjin', {
      slug, title: { zh: '征集', en: 'Call' }, rules: { zh: '规则', en: 'Rules' }, opensAt: at(now - 10 * DAY), closesAt: at(now + DAY),
      voteOpensAt: at(now - DAY), voteClosesAt: at(now + 2 * DAY), votesPerPerson: 3, voteWeight: 20, weights: { exemplary: 40, innovative: 30, replicable: 30 },
    })
    const id = newId()
    await t.db.insertInto('case_submissions').values({
      id, call_id: call.id, slug: `p-${id.slice(-12)}`, status: 'published', reject_reason: null, title: '案例', organisation_name: '机构', credit_code: null, district: 'heping',
      theme: 'daily-life', summary: null, description: null, outcomes_json: '[]', contact_name_enc: await encryptText('王老师'), contact_phone_enc: await encryptText('13700001111'),
      phone_hash: `submitter-${slug}`, edit_code_hash: 'x', submitted_by: null, organisation_id: null, hidden_at: null, hidden_reason: null, submitted_at: at(now), published_at: at(now),
      awarded_at: null, purge_after: at(now + 30 * DAY), anonymised_at: null, source: 'user', created_at: at(now), updated_at: at(now),
    }).execute()
    await castVote(t.db, call, id, `voter-${slug}`)
    return { call, id }
  }

  it('keeps the contact until purge_after and the voter\'s hash until the vote closes; the case and its count stay', async () => {
    const { id } = await setUp('purge')
    expect(await caseContactsPurger.purge(t.db, at(now + 30 * DAY - 1000))).toBe(0)
    expect(await caseVotersPurger.purge(t.db, at(now + 2 * DAY - 1000))).toBe(0)
    expect(await caseContactsPurger.purge(t.db, at(now + 30 * DAY))).toBe(1)
    expect(await caseVotersPurger.purge(t.db, at(now + 2 * DAY))).toBeGreaterThanOrEqual(1)
    const row = await t.db.selectFrom('case_submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ contact_name_enc: null, contact_phone_enc: null, phone_hash: null, title: '案例', vote_count: 1 })
    expect(await t.db.selectFrom('case_votes').select('phone_hash').where('submission_id', '=', id).execute()).toEqual([{ phone_hash: null }])
    expect(await t.db.selectFrom('case_voters').selectAll().where('phone_hash', '=', 'voter-purge').execute()).toEqual([])
  })

  it('shows a resident their case and their votes, and erases the link to their number', async () => {
    const { id } = await setUp('mine')
    expect(await caseSubmissionsDataSource.find(t.db, 'submitter-mine')).toEqual([expect.objectContaining({ title: '案例', contactName: '王老师', contactPhone: '13700001111' })])
    expect(await caseVotesDataSource.find(t.db, 'voter-mine')).toEqual([expect.objectContaining({ case: '案例' })])
    expect(await caseSubmissionsDataSource.erase(t.db, 'submitter-mine')).toBe(1)
    expect(await caseVotesDataSource.erase(t.db, 'voter-mine')).toBe(1)
    // The vote was still open: the vote went, so the same number voting again counts once, not twice.
    const mine = await t.db.selectFrom('case_submissions').select('vote_count').where('id', '=', id).executeTakeFirstOrThrow()
    expect(mine.vote_count).toBe(0)
    expect(await caseSubmissionsDataSource.find(t.db, 'submitter-mine')).toEqual([])
    expect(await caseVotesDataSource.find(t.db, 'voter-mine')).toEqual([])
  })
})
