import { MIN_TEAM_ENTRIES } from './vocabulary'

export interface EntryScore { team: string, correct: number, answered: number }
export interface TeamScore { team: string, entries: number, mean: number, score: number, rank: number | null }

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

/**
 * Teams ranked fairly whatever their size: each team's mean accuracy is pulled toward the city's
 * mean by an empirical-Bayes prior worth `priorEntries` average entries, estimated from the data
 * (within-team variance over between-team variance), and never less than MIN_TEAM_ENTRIES. A small team needs many entries before a
 * perfect few can outrank a large strong one. Teams under MIN_TEAM_ENTRIES get no rank.
 */
export function rankTeams(entries: EntryScore[]): { cityMean: number | null, priorEntries: number | null, teams: TeamScore[] } {
  const scored = entries.filter(e => e.answered > 0)
  if (!scored.length) return { cityMean: null, priorEntries: null, teams: [] }
  const accuracy = (e: EntryScore) => e.correct / e.answered
  const cityMean = mean(scored.map(accuracy))
  const byTeam = new Map<string, number[]>()
  for (const e of scored) byTeam.set(e.team, [...(byTeam.get(e.team) ?? []), accuracy(e)])
  const groups = [...byTeam].map(([team, xs]) => ({ team, xs, n: xs.length, m: mean(xs) }))
  // Within: pooled variance of entries around their team's mean; a floor keeps one-entry teams from dividing by zero.
  const dof = groups.reduce((s, g) => s + g.n - 1, 0)
  const within = dof > 0 ? groups.reduce((s, g) => s + g.xs.reduce((t, x) => t + (x - g.m) ** 2, 0), 0) / dof : cityMean * (1 - cityMean)
  const sigma2 = Math.max(within, 0.0025)
  // Between: the spread of team means beyond what sampling alone would give.
  const between = groups.length > 1 ? mean(groups.map(g => (g.m - cityMean) ** 2)) - sigma2 * mean(groups.map(g => 1 / g.n)) : 0
  const tau2 = Math.max(between, 0.0001)
  // Never less than the entries a team needs for a rank: a handful of perfect entries cannot outweigh it.
  const priorEntries = Math.min(Math.max(sigma2 / tau2, MIN_TEAM_ENTRIES), 1000)
  const teams = groups.map(g => ({ team: g.team, entries: g.n, mean: g.m, score: (g.n * g.m + priorEntries * cityMean) / (g.n + priorEntries), rank: null as number | null }))
    .sort((a, b) => b.score - a.score || b.entries - a.entries || a.team.localeCompare(b.team))
  let rank = 0
  for (const t of teams) if (t.entries >= MIN_TEAM_ENTRIES) t.rank = ++rank
  return { cityMean, priorEntries, teams }
}
