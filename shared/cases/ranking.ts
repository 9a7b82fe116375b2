import type { CaseCriterion } from './vocabulary'
import { caseCriteria, SCORE_MAX, SCORE_MIN } from './vocabulary'

export type CriterionWeights = Record<CaseCriterion, number>
export type CriterionScores = Record<CaseCriterion, number>

/** One reviewer's weighted score, on the 1–5 scale. */
export function weightedScore(scores: CriterionScores, weights: CriterionWeights): number {
  const total = caseCriteria.reduce((s, c) => s + weights[c], 0)
  return caseCriteria.reduce((s, c) => s + scores[c] * weights[c], 0) / total
}

/** The experts' weighted mean and the spread between reviewers (highest minus lowest weighted score); null without a review. */
export function expertSummary(reviews: CriterionScores[], weights: CriterionWeights): { mean: number, spread: number } | null {
  if (!reviews.length) return null
  const each = reviews.map(r => weightedScore(r, weights))
  return { mean: each.reduce((a, b) => a + b, 0) / each.length, spread: Math.max(...each) - Math.min(...each) }
}

export interface RankInput { id: string, expertMean: number | null, votes: number }
export interface Ranked extends RankInput { rank: number, expertPart: number, votePart: number, score: number }

const round = (x: number, places = 4) => Math.round(x * 10 ** places) / 10 ** places

/**
 * The published formula: score = (1 − w) × E + w × V, where
 * E = (weighted expert mean − 1) / 4 puts the 1–5 scale on 0–1,
 * V = votes ÷ the most votes any case of the call received (0 when no one voted),
 * and w is the call's weight of the public vote. Ties go to the higher E, then more votes.
 * A case without an expert mean counts E = 0.
 */
export function rankCases(cases: RankInput[], voteWeight: number): Ranked[] {
  const maxVotes = Math.max(0, ...cases.map(c => c.votes))
  const scored = cases.map((c) => {
    const expertPart = c.expertMean === null ? 0 : (c.expertMean - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)
    const votePart = maxVotes > 0 ? c.votes / maxVotes : 0
    return { ...c, expertPart: round(expertPart), votePart: round(votePart), score: round((1 - voteWeight) * expertPart + voteWeight * votePart), rank: 0 }
  })
  scored.sort((a, b) => b.score - a.score || b.expertPart - a.expertPart || b.votes - a.votes || a.id.localeCompare(b.id))
  scored.forEach((c, i) => {
    const prev = scored[i - 1]
    c.rank = prev && prev.score === c.score && prev.expertPart === c.expertPart && prev.votes === c.votes ? prev.rank : i + 1
  })
  return scored
}
