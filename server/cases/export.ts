import { createError } from 'h3'
import type { Kysely } from 'kysely'
import type { ExportDocument } from '../../shared/cases/views'
import type { Database } from '../database/schema'
import { nowIso } from '../database/ids'
import { type CallRow, weightsOf } from './calls'
import { rankedCases } from './ranking'

export const RANKING_FORMULA = 'score = (1 - voteWeight/100) * (expertMean - 1) / 4 + (voteWeight/100) * votes / maxVotes; expertMean = mean over reviewers of the criteria scores (1-5) weighted by the call\'s weights; maxVotes = the most votes of any published case in the call (votePart 0 when no one voted)'

/** The call's final ranking as open data (published cases only, no personal data), once an admin has published it. */
export async function exportDocument(db: Kysely<Database>, call: CallRow): Promise<ExportDocument> {
  if (!call.ranking_published_at) throw createError({ statusCode: 404, message: 'The ranking of this call is not published yet', data: { reason: 'not-published' } })
  const rows = await rankedCases(db, call)
  return {
    call: { slug: call.slug, title: { zh: call.title_zh, en: call.title_en }, year: call.year, voteWeight: call.vote_weight, weights: weightsOf(call) },
    formula: RANKING_FORMULA, generatedAt: nowIso(), licence: 'CC-BY-4.0',
    rows: rows.map(r => ({
      rank: r.rank, slug: r.slug, title: r.title, organisation: r.organisation, creditCode: r.creditCode, district: r.district,
      theme: r.theme as ExportDocument['rows'][number]['theme'], expertMean: r.expertMean, expertPart: r.expertPart, votes: r.votes, votePart: r.votePart, score: r.score, awarded: r.awarded,
    })),
  }
}

export const exportColumns = ['rank', 'slug', 'title', 'organisation', 'creditCode', 'district', 'theme', 'expertMean', 'expertPart', 'votes', 'votePart', 'score', 'awarded'] as const
