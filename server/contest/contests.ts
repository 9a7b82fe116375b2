import type { Kysely, Selectable } from 'kysely'
import { sql } from 'kysely'
import type { CityProfile } from '../../shared/city/profile'
import type { ContestTopic } from '../../shared/contest/content'
import type { ContestBody, ContestView } from '../../shared/contest/schemas'
import type { ContestsTable, Database } from '../database/schema'
import { newId, nowIso } from '../database/ids'

export type ContestRow = Selectable<ContestsTable>
export interface Pool { topics: ContestTopic[], withQuizItems: boolean }
interface Team { code: string, name: { zh: string, en: string } }

export const poolOf = (row: ContestRow) => JSON.parse(row.pool_json) as Pool
export const stateOf = (row: Pick<ContestRow, 'opens_at' | 'closes_at'>, now = nowIso()) => (now < row.opens_at ? 'upcoming' : now >= row.closes_at ? 'closed' : 'open') as ContestView['state']

/** Teams: the city's districts, or the organisations the contest names. */
export function teamsOf(row: ContestRow, city: CityProfile): Team[] {
  return row.team_kind === 'district' ? city.districts.map(d => ({ code: d.code, name: d.name })) : JSON.parse(row.teams_json) as Team[]
}

export async function contestView(db: Kysely<Database>, row: ContestRow, city: CityProfile): Promise<ContestView> {
  const { n } = await db.selectFrom('contest_entries').select(sql<number>`count(*)`.as('n')).where('contest_id', '=', row.id).where('disqualified_at', 'is', null).executeTakeFirstOrThrow()
  return {
    slug: row.slug, title: { zh: row.title_zh, en: row.title_en }, rules: { zh: row.rules_zh, en: row.rules_en },
    opensAt: row.opens_at, closesAt: row.closes_at, state: stateOf(row), questionsPerEntry: row.questions_per_entry,
    teamKind: row.team_kind, teams: teamsOf(row, city), leaderboard: row.leaderboard, entries: Number(n),
  }
}

export const contestValues = (body: ContestBody) => ({
  slug: body.slug, title_zh: body.title.zh, title_en: body.title.en, rules_zh: body.rules.zh, rules_en: body.rules.en,
  opens_at: body.opensAt, closes_at: body.closesAt, questions_per_entry: body.questionsPerEntry, team_kind: body.teamKind,
  teams_json: JSON.stringify(body.teamKind === 'organisation' ? body.teams ?? [] : []), leaderboard: body.leaderboard,
  pool_json: JSON.stringify({ topics: body.topics, withQuizItems: body.withQuizItems }),
})

export async function insertContest(db: Kysely<Database>, city: string, body: ContestBody, organisationId: string | null, source: 'seed' | 'user' = 'user') {
  const now = nowIso()
  const id = newId()
  await db.insertInto('contests').values({ id, city_slug: city, ...contestValues(body), organisation_id: organisationId, source, created_at: now, updated_at: now }).execute()
  return id
}

export const findContest = (db: Kysely<Database>, city: string, slug: string) =>
  db.selectFrom('contests').selectAll().where('city_slug', '=', city).where('slug', '=', slug).executeTakeFirst()
