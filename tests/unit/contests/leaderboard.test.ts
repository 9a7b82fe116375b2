import { describe, expect, it } from 'vitest'
import { rankTeams, type EntryScore } from '#shared/contests/leaderboard'

const team = (name: string, n: number, accuracy: (i: number) => number, questions = 20): EntryScore[] =>
  Array.from({ length: n }, (_, i) => ({ team: name, correct: Math.round(accuracy(i) * questions), answered: questions }))

describe('the contest\'s team leaderboard', () => {
  it('orders a small perfect team below a large strong one, although its plain mean is higher', () => {
    const entries = [
      ...team('small-perfect', 3, () => 1),
      ...team('large-strong', 300, i => (i % 4 === 0 ? 0.75 : 0.9)),
      ...team('middling', 120, i => (i % 2 ? 0.6 : 0.75)),
      ...team('weak', 80, i => (i % 3 ? 0.55 : 0.65)),
    ]
    const { teams, priorEntries } = rankTeams(entries)
    const small = teams.find(t => t.team === 'small-perfect')!
    const large = teams.find(t => t.team === 'large-strong')!
    expect(small.mean).toBeGreaterThan(large.mean)
    expect(small.score).toBeLessThan(large.score)
    expect(teams[0]!.team).toBe('large-strong')
    expect(priorEntries).toBeGreaterThanOrEqual(10)
    // Fewer than 10 entries: listed, not ranked.
    expect(small.rank).toBeNull()
    expect(large.rank).toBe(1)
    // Control: plain means would have put the small team first.
    expect([...teams].sort((a, b) => b.mean - a.mean)[0]!.team).toBe('small-perfect')
  })

  it('leaves large teams close to their own mean', () => {
    const { teams, cityMean } = rankTeams([...team('a', 400, () => 0.9), ...team('b', 400, () => 0.6)])
    expect(cityMean).toBeCloseTo(0.75, 5)
    expect(teams[0]!.score).toBeGreaterThan(0.85)
    expect(teams[1]!.score).toBeLessThan(0.65)
  })

  it('has nothing to rank without answers', () => {
    expect(rankTeams([])).toEqual({ cityMean: null, priorEntries: null, teams: [] })
  })
})
