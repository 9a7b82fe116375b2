import { describe, expect, it } from 'vitest'
import { expertSummary, rankCases, weightedScore } from '#shared/cases/ranking'

const weights = { exemplary: 40, innovative: 30, replicable: 30 }

describe('the published ranking formula', () => {
  it('weights each reviewer\'s scores by the call\'s weights, and gives the mean and the spread', () => {
    expect(weightedScore({ exemplary: 5, innovative: 4, replicable: 4 }, weights)).toBeCloseTo(4.4)
    const summary = expertSummary([{ exemplary: 5, innovative: 4, replicable: 4 }, { exemplary: 4, innovative: 4, replicable: 5 }], weights)
    expect(summary!.mean).toBeCloseTo(4.35)
    expect(summary!.spread).toBeCloseTo(0.1)
    expect(expertSummary([], weights)).toBeNull()
  })

  it('matches the worked example: score = 0.8 × (mean − 1) / 4 + 0.2 × votes / most votes', () => {
    // A: mean 4.35 → E 0.8375, 50 of 200 votes → V 0.25: 0.8 × 0.8375 + 0.2 × 0.25 = 0.72
    // B: mean 3 → E 0.5, the most votes → V 1: 0.4 + 0.2 = 0.6
    // C: no review, no vote: 0
    const ranked = rankCases([
      { id: 'c', expertMean: null, votes: 0 },
      { id: 'b', expertMean: 3, votes: 200 },
      { id: 'a', expertMean: 4.35, votes: 50 },
    ], 0.2)
    expect(ranked.map(r => [r.id, r.rank, r.score])).toEqual([['a', 1, 0.72], ['b', 2, 0.6], ['c', 3, 0]])
    expect(ranked[0]).toMatchObject({ expertPart: 0.8375, votePart: 0.25 })
  })

  it('lets the vote decide more as its weight grows, and not at all at 0', () => {
    const cases = [{ id: 'expert-favourite', expertMean: 4.8, votes: 10 }, { id: 'crowd-favourite', expertMean: 3.6, votes: 1000 }]
    expect(rankCases(cases, 0)[0]!.id).toBe('expert-favourite')
    expect(rankCases(cases, 0.5)[0]!.id).toBe('crowd-favourite')
  })

  it('gives equal cases the same rank, and counts no votes as no vote part', () => {
    const ranked = rankCases([{ id: 'x', expertMean: 4, votes: 0 }, { id: 'y', expertMean: 4, votes: 0 }, { id: 'z', expertMean: 2, votes: 0 }], 0.3)
    expect(ranked.map(r => r.rank)).toEqual([1, 1, 3])
    expect(ranked.every(r => r.votePart === 0)).toBe(true)
  })
})
