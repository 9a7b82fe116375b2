import type { Kysely, Selectable } from 'kysely'
import { sql } from 'kysely'
import { createError } from 'h3'
import type { CallBody } from '#shared/cases/requests'
import type { CriterionWeights } from '#shared/cases/ranking'
import { caseThemes, publicStatuses, type CallState } from '#shared/cases/vocabulary'
import type { CallView } from '#shared/cases/views'
import type { CaseCallsTable, Database } from '~~/server/database/schema'
import { newId, nowIso } from '~~/server/database/ids'
import { callRanking } from './ranking'

export type CallRow = Selectable<CaseCallsTable>

export function callState(row: Pick<CallRow, 'opens_at' | 'closes_at' | 'vote_closes_at'>, now = nowIso()): CallState {
  if (now < row.opens_at) return 'upcoming'
  if (now < row.closes_at) return 'open'
  return now < row.vote_closes_at ? 'reviewing' : 'closed'
}

export const votingOpen = (row: Pick<CallRow, 'vote_opens_at' | 'vote_closes_at'>, now = nowIso()) => now >= row.vote_opens_at && now < row.vote_closes_at

export const weightsOf = (row: CallRow): CriterionWeights => ({ exemplary: row.weight_exemplary, innovative: row.weight_innovative, replicable: row.weight_replicable })

/** The week's year in Beijing time. */
export const yearOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).getUTCFullYear()

export async function findCall(db: Kysely<Database>, city: string, slug: string): Promise<CallRow> {
  const row = await db.selectFrom('case_calls').selectAll().where('city_slug', '=', city).where('slug', '=', slug).executeTakeFirst()
  if (!row) throw createError({ statusCode: 404, message: 'No such call for cases' })
  return row
}

export async function callById(db: Kysely<Database>, city: string, id: string): Promise<CallRow> {
  const row = await db.selectFrom('case_calls').selectAll().where('city_slug', '=', city).where('id', '=', id).executeTakeFirst()
  if (!row) throw createError({ statusCode: 404, message: 'No such call for cases' })
  return row
}

export async function callView(db: Kysely<Database>, row: CallRow): Promise<CallView> {
  const { n } = await db.selectFrom('case_submissions').select(sql<number>`count(*)`.as('n'))
    .where('call_id', '=', row.id).where('status', 'in', publicStatuses).where('hidden_at', 'is', null).executeTakeFirstOrThrow()
  return {
    slug: row.slug, year: row.year, title: { zh: row.title_zh, en: row.title_en }, rules: { zh: row.rules_zh, en: row.rules_en },
    opensAt: row.opens_at, closesAt: row.closes_at, voteOpensAt: row.vote_opens_at, voteClosesAt: row.vote_closes_at,
    votesPerPerson: row.votes_per_person, voteWeight: row.vote_weight, weights: weightsOf(row), themes: [...caseThemes],
    state: callState(row), votingOpen: votingOpen(row), publishedCases: Number(n),
    ranking: row.ranking_published_at ? await callRanking(db, row) : null,
  }
}

export async function listCalls(db: Kysely<Database>, city: string): Promise<CallRow[]> {
  return db.selectFrom('case_calls').selectAll().where('city_slug', '=', city).orderBy('opens_at', 'desc').execute()
}

export const callValues = (body: CallBody) => ({
  slug: body.slug, year: yearOf(body.opensAt), title_zh: body.title.zh, title_en: body.title.en, rules_zh: body.rules.zh, rules_en: body.rules.en,
  opens_at: body.opensAt, closes_at: body.closesAt, vote_opens_at: body.voteOpensAt, vote_closes_at: body.voteClosesAt,
  votes_per_person: body.votesPerPerson, vote_weight: body.voteWeight,
  weight_exemplary: body.weights.exemplary, weight_innovative: body.weights.innovative, weight_replicable: body.weights.replicable,
})

export async function insertCall(db: Kysely<Database>, city: string, body: CallBody, source: 'seed' | 'user' = 'user'): Promise<CallRow> {
  const now = nowIso()
  const row = { id: newId(), city_slug: city, ...callValues(body), ranking_published_at: null, source, created_at: now, updated_at: now }
  await db.insertInto('case_calls').values(row).execute()
  return row
}
