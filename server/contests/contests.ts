import type { Kysely, Selectable } from 'kysely'
import { sql } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import type { ContestBody } from '#shared/contests/requests'
import type { ContestView, OrganizerContestView, ContestPool, ContestTeam } from '#shared/contests/views'
import type { ContestsTable, Database } from '~~/server/database/schema'
import { newId, nowIso } from '~~/server/database/ids'

export type ContestRow = Selectable<ContestsTable>
export type Pool = ContestPool

export const poolOf = (row: ContestRow) => JSON.parse(row.pool_json) as Pool
export const stateOf = (row: Pick<ContestRow, 'opens_at' | 'closes_at'>, now = nowIso()) => (now < row.opens_at ? 'upcoming' : now >= row.closes_at ? 'closed' : 'open') as ContestView['state']

/** Teams: the city's districts, or the organisations the contest names. */
export function teamsOf(row: ContestRow, city: CityProfile): ContestTeam[] {
  return row.team_kind === 'district' ? city.districts.map(d => ({ code: d.code, name: d.name })) : JSON.parse(row.teams_json) as ContestTeam[]
}

export async function contestView(db: Kysely<Database>, row: ContestRow, city: CityProfile): Promise<ContestView> {
  const { n } = await db.selectFrom('contest_entries').select(sql<number>`count(*)`.as('n')).where('contest_id', '=', row.id).where('disqualified_at', 'is', null).executeTakeFirstOrThrow()
  return {
    slug: row.slug, title: { zh: row.title_zh, en: row.title_en }, rules: { zh: row.rules_zh, en: row.rules_en },
    opensAt: row.opens_at, closesAt: row.closes_at, state: stateOf(row), questionsPerEntry: row.questions_per_entry,
    teamKind: row.team_kind, teams: teamsOf(row, city), leaderboard: row.leaderboard, entries: Number(n),
  }
}

export async function organizerContestView(db: Kysely<Database>, row: ContestRow, city: CityProfile): Promise<OrganizerContestView> {
  const view = await contestView(db, row, city)
  return { ...view, id: row.id, topics: poolOf(row).topics, locked: await hasEntries(db, row.id) }
}

/** Any entry at all, erased or disqualified ones too: each holds what it drew. */
export const hasEntries = async (db: Kysely<Database>, contestId: string) =>
  !!await db.selectFrom('contest_entries').select('id').where('contest_id', '=', contestId).limit(1).executeTakeFirst()

/** What an entry holds follows from these: once anyone has entered, they stay as they are. */
export function lockedChanges(row: ContestRow, body: ContestBody): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join()
  if (!sameSet(poolOf(row).topics, body.topics)) errors.topics = ['People have entered: the topics can no longer change']
  if (body.questionsPerEntry !== row.questions_per_entry) errors.questionsPerEntry = ['People have entered: the number of questions can no longer change']
  const saved = (JSON.parse(row.teams_json) as ContestTeam[]).map(t => t.code)
  const given = body.teamKind === 'organisation' ? (body.teams ?? []).map(t => t.code) : []
  if (body.teamKind !== row.team_kind) errors.teamKind = ['People have entered: the kind of teams can no longer change']
  else if (!sameSet(saved, given)) errors.teams = ['People have entered: the teams can no longer change']
  return errors
}

export const contestValues = (body: ContestBody) => ({
  slug: body.slug, title_zh: body.title.zh, title_en: body.title.en, rules_zh: body.rules.zh, rules_en: body.rules.en,
  opens_at: body.opensAt, closes_at: body.closesAt, questions_per_entry: body.questionsPerEntry, team_kind: body.teamKind,
  teams_json: JSON.stringify(body.teamKind === 'organisation' ? body.teams ?? [] : []), leaderboard: body.leaderboard,
  pool_json: JSON.stringify({ topics: body.topics }),
})

export async function insertContest(db: Kysely<Database>, city: string, body: ContestBody, organisationId: string | null, source: 'seed' | 'user' = 'user') {
  const now = nowIso()
  const id = newId()
  await db.insertInto('contests').values({ id, city_slug: city, ...contestValues(body), organisation_id: organisationId, source, created_at: now, updated_at: now }).execute()
  return id
}

export const findContest = (db: Kysely<Database>, city: string, slug: string) =>
  db.selectFrom('contests').selectAll().where('city_slug', '=', city).where('slug', '=', slug).executeTakeFirst()
