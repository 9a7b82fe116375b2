import { randomBytes } from 'node:crypto'
import type { H3Event } from 'h3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCall } from '~~/server/cases/calls'
import { caseStatistics } from '~~/server/cases/statistics'
import { castVote } from '~~/server/cases/votes'
import { insertContest } from '~~/server/contests/contests'
import { leaderboard } from '~~/server/contests/entries'
import { contestStatistics } from '~~/server/contests/statistics'
import { newId } from '~~/server/database/ids'
import { statisticsContext } from '~~/server/statistics/context'
import type { StatisticsSection } from '#shared/statistics/views'
import { SMALL_MARKER } from '#shared/statistics/views'
import { openSqlite, type TestDatabase } from '~~/tests/support/databases'
import { prepare, tianjin } from '~~/tests/support/events'

process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 9).toString('base64')
const HOUR = 3_600_000

/**
 * Issue 23, finding 5: the leaderboard showed teams' entries (6, 6, 6) that the statistics hid as
 * '<10', and a case showed 3 votes while its call's votes were '<10'. Those counts are public, so
 * the statistics show them as the other pages do; counts no page shows stay protected.
 */
describe('counts other pages show', () => {
  let t: TestDatabase
  const year = new Date(Date.now() + 8 * HOUR).getUTCFullYear()
  const secret = randomBytes(32)
  const ctx = () => statisticsContext({} as H3Event, t.db, tianjin, year, secret)
  const tableOf = (s: StatisticsSection, id: string) => s.tables.find(x => x.id === id)!

  beforeAll(async () => {
    t = await openSqlite()
    await prepare(t.db)
  })
  afterAll(async () => t?.close())

  it('shows a call\'s votes as the sum of what its cases\' pages show, however few', async () => {
    const now = Date.now()
    const call = await insertCall(t.db, 'tianjin', {
      slug: 'few-votes', title: { zh: '征集', en: 'Call' }, rules: { zh: '规则', en: 'Rules' },
      opensAt: new Date(now - 48 * HOUR).toISOString(), closesAt: new Date(now + 48 * HOUR).toISOString(),
      voteOpensAt: new Date(now - HOUR).toISOString(), voteClosesAt: new Date(now + 96 * HOUR).toISOString(),
      votesPerPerson: 3, voteWeight: 20, weights: { exemplary: 40, innovative: 30, replicable: 30 },
    })
    const id = newId()
    const at = new Date().toISOString()
    await t.db.insertInto('case_submissions').values({
      id, call_id: call.id, slug: `case-${id.slice(-12)}`, status: 'published', reject_reason: null, title: '案例', organisation_name: '机构', credit_code: null, district: 'heping',
      theme: 'daily-life', summary: null, description: null, outcomes_json: '[]', contact_name_enc: null, contact_phone_enc: null, phone_hash: null, edit_code_hash: 'x',
      submitted_by: null, organisation_id: null, hidden_at: null, hidden_reason: null, submitted_at: at, published_at: at, awarded_at: null,
      purge_after: at, anonymised_at: null, source: 'user', created_at: at, updated_at: at,
    }).execute()
    for (const voter of ['a', 'b', 'c']) await castVote(t.db, call, id, `voter-${voter}`)
    const shownOnItsPage = (await t.db.selectFrom('case_submissions').select('vote_count').where('id', '=', id).executeTakeFirstOrThrow()).vote_count
    expect(shownOnItsPage).toBe(3)
    const votes = tableOf(await caseStatistics.build(ctx()), 'case-votes-by-call')
    const column = votes.columns.findIndex(c => c.key === 'votes')
    expect(votes.columns[column]!.exact).toBe(true)
    expect(votes.rows.find(r => r.key === 'few-votes')!.cells[column]).toBe(3)
  })

  it('shows each team\'s entries as its leaderboard does while the leaderboard is shown, and protects them before', async () => {
    const base = {
      title: { zh: '竞赛', en: 'Contest' }, rules: { zh: '规则', en: 'Rules' }, opensAt: new Date(Date.now() - HOUR).toISOString(), closesAt: new Date(Date.now() + 48 * HOUR).toISOString(),
      questionsPerEntry: 5, teamKind: 'district' as const, topics: ['fraud' as const], withQuizItems: false,
    }
    const live = await insertContest(t.db, 'tianjin', { ...base, slug: 'live-board', leaderboard: 'live' }, null)
    const later = await insertContest(t.db, 'tianjin', { ...base, slug: 'board-after-close', leaderboard: 'after-close' }, null)
    const at = new Date().toISOString()
    let i = 0
    for (const contest of [live, later]) {
      for (const team of ['heping', 'hexi', 'nankai']) {
        // Six entries that answered, and one that has not answered yet (the leaderboard leaves it out).
        for (const answered of [5, 5, 5, 5, 5, 3, 0]) {
          await t.db.insertInto('contest_entries').values({
            id: newId(), contest_id: contest, phone_hash: `ph-${i++}`, phone_enc: null, team, nickname: `n${i}`, item_ids: '[]', answered, correct: Math.min(answered, 4),
            disqualified_at: null, disqualify_reason: null, purge_after: '2099-01-01T00:00:00.000Z', anonymised_at: null, created_at: at,
          }).execute()
        }
      }
    }
    const section = await contestStatistics.build(ctx())
    const byTeam = tableOf(section, 'contest-entries-by-team')
    const entries = byTeam.columns.findIndex(c => c.key === 'entries')
    const contestRow = await t.db.selectFrom('contests').selectAll().where('id', '=', live).executeTakeFirstOrThrow()
    const board = await leaderboard(t.db, contestRow, tianjin)
    expect(board.visible).toBe(true)
    for (const team of board.teams) expect(byTeam.rows.find(r => r.key === `live-board/${team.code}`)!.cells[entries], team.code).toBe(team.entries)
    expect(byTeam.rows.find(r => r.key === 'live-board/heping')!.cells[entries]).toBe(6)
    // Before its leaderboard is shown, a contest's teams are protected: six is below 10.
    expect(byTeam.rows.find(r => r.key === 'board-after-close/heping')!.cells[entries]).toBe(SMALL_MARKER)
    expect(byTeam.columns[entries]!.exact).toBe(false)
    // The contests' pages show how many entered each: the figure is their sum.
    expect(section.figures.find(f => f.id === 'entries')!.value).toBe(42)
  })
})
