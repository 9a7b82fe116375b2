import type { Kysely, Selectable } from 'kysely'
import { expertSummary, rankCases, type CriterionScores } from '#shared/cases/ranking'
import { caseCriteria, publicStatuses } from '#shared/cases/vocabulary'
import type { RankingRow } from '#shared/cases/views'
import type { CaseCallsTable, Database } from '~~/server/database/schema'

/** What the ranking reads of a call (its row, as calls.ts has it: calls.ts imports this file, not the other way round). */
type RankedCall = Pick<Selectable<CaseCallsTable>, 'id' | 'weight_exemplary' | 'weight_innovative' | 'weight_replicable' | 'vote_weight'>

export type StoredScores = Record<typeof caseCriteria[number], { score: number, comment: string }>
export const scoresOf = (json: string): CriterionScores => {
  const stored = JSON.parse(json) as StoredScores
  return Object.fromEntries(caseCriteria.map(c => [c, stored[c].score])) as CriterionScores
}

/** Every submitted, not recused review of the given cases, by case. */
export async function reviewsByCase(db: Kysely<Database>, ids: string[]): Promise<Map<string, CriterionScores[]>> {
  const map = new Map<string, CriterionScores[]>()
  if (!ids.length) return map
  const rows = await db.selectFrom('case_reviews').select(['submission_id', 'scores_json'])
    .where('submission_id', 'in', ids).where('submitted_at', 'is not', null).where('recused_at', 'is', null).execute()
  for (const r of rows) map.set(r.submission_id, [...(map.get(r.submission_id) ?? []), scoresOf(r.scores_json!)])
  return map
}

export interface RankedCase extends RankingRow { id: string, creditCode: string, district: string, theme: string }

/** The call's final ranking over its published cases: the formula is in shared/cases/ranking.ts. */
export async function rankedCases(db: Kysely<Database>, call: RankedCall): Promise<RankedCase[]> {
  const cases = await db.selectFrom('case_submissions')
    .select(['id', 'slug', 'title', 'organisation_name', 'credit_code', 'district', 'theme', 'vote_count', 'status'])
    .where('call_id', '=', call.id).where('status', 'in', publicStatuses).where('hidden_at', 'is', null).execute()
  const reviews = await reviewsByCase(db, cases.map(c => c.id))
  const weights = { exemplary: call.weight_exemplary, innovative: call.weight_innovative, replicable: call.weight_replicable }
  const byId = new Map(cases.map(c => [c.id, c]))
  const ranked = rankCases(cases.map(c => ({ id: c.id, expertMean: expertSummary(reviews.get(c.id) ?? [], weights)?.mean ?? null, votes: c.vote_count })), call.vote_weight / 100)
  return ranked.map((r) => {
    const c = byId.get(r.id)!
    return {
      id: c.id, rank: r.rank, slug: c.slug!, title: c.title, organisation: c.organisation_name ?? '', creditCode: c.credit_code ?? '',
      district: c.district ?? '', theme: c.theme ?? '', expertMean: r.expertMean === null ? null : Math.round(r.expertMean * 100) / 100,
      expertPart: r.expertPart, votes: r.votes, votePart: r.votePart, score: r.score, awarded: c.status === 'awarded',
    }
  })
}

export async function callRanking(db: Kysely<Database>, call: RankedCall): Promise<RankingRow[]> {
  return (await rankedCases(db, call)).map(({ id: _id, creditCode: _c, district: _d, theme: _t, ...row }) => row)
}
