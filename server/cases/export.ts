import type { Kysely } from 'kysely'
import type { ExportDocument } from '#shared/cases/views'
import type { Database } from '~~/server/database/schema'
import { nowIso } from '~~/server/database/ids'
import { type CallRow, weightsOf } from './calls'
import { rankedCases } from './ranking'

export const RANKING_FORMULA = 'score = (1 - voteWeight/100) * (expertMean - 1) / 4 + (voteWeight/100) * votes / maxVotes; expertMean = mean over reviewers of the criteria scores (1-5) weighted by the call\'s weights; maxVotes = the most votes of any published case in the call (votePart 0 when no one voted)'

/**
 * A call's published cases as open data (no personal data). The experts' scores and the
 * ranking are part of it only once an admin has published the ranking: before, those columns are null.
 */
export async function exportDocument(db: Kysely<Database>, call: CallRow): Promise<ExportDocument> {
  const published = !!call.ranking_published_at
  const rows = await rankedCases(db, call)
  return {
    call: { slug: call.slug, title: { zh: call.title_zh, en: call.title_en }, year: call.year, voteWeight: call.vote_weight, weights: weightsOf(call) },
    formula: RANKING_FORMULA, rankingPublished: published, generatedAt: nowIso(), licence: 'CC-BY-4.0',
    rows: (published ? rows : [...rows].sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))).map(r => ({
      rank: published ? r.rank : null, slug: r.slug, title: r.title, organisation: r.organisation, creditCode: r.creditCode, district: r.district,
      theme: r.theme as ExportDocument['rows'][number]['theme'], expertMean: published ? r.expertMean : null, expertPart: published ? r.expertPart : null,
      votes: r.votes, votePart: published ? r.votePart : null, score: published ? r.score : null, awarded: r.awarded,
    })),
  }
}

export const exportColumns = ['rank', 'slug', 'title', 'organisation', 'creditCode', 'district', 'theme', 'expertMean', 'expertPart', 'votes', 'votePart', 'score', 'awarded'] as const
