import type { SumEquation } from '../../../shared/statistics/suppression'

/**
 * An attacker's view, written independently of the implementation: with exact
 * fractions, which hidden entries does the published system pin down? Entry k
 * is pinned when removing its column lowers the rank of the hidden part.
 */
function rank(rows: bigint[][]): number {
  const m = rows.map(r => [...r])
  let r = 0
  const cols = m[0]?.length ?? 0
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n)
    if (p < 0) continue
    ;[m[r], m[p]] = [m[p]!, m[r]!]
    for (let i = r + 1; i < m.length; i++) {
      if (m[i]![c] === 0n) continue
      const a = m[r]![c]!
      const b = m[i]![c]!
      m[i] = m[i]!.map((v, j) => v * a - m[r]![j]! * b)
    }
    r++
  }
  return r
}

export function recoverable(equations: readonly SumEquation[], hidden: readonly boolean[]): number[] {
  const unknown = hidden.flatMap((h, i) => (h ? [i] : []))
  const matrix = (cols: number[]) => equations.map(e => cols.map(c => BigInt(e.parts.filter(p => p === c).length - (e.total === c ? 1 : 0))))
  const all = rank(matrix(unknown))
  return unknown.filter(k => rank(matrix(unknown.filter(c => c !== k))) < all)
}

/**
 * A reader who also uses what the markers mean ('<10' is 1–9, 'c' is 0 or 10 and
 * more), written independently of the implementation as an exhaustive search: the
 * '<10' entries that have one value in every integer solution of the published sums.
 * `cap` bounds a 'c' from above (the tables under test are small, so the true sum of
 * everything is a safe cap). Meant for small systems only.
 */
export function pinnedByRanges(values: readonly number[], equations: readonly SumEquation[], status: readonly ('shown' | 'small' | 'hidden')[], cap: number): number[] {
  const domainOf = (i: number): number[] => status[i] === 'shown'
    ? [values[i]!]
    : status[i] === 'small' ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [0, ...Array.from({ length: Math.max(0, cap - 9) }, (_, k) => k + 10)]
  const unknown = values.map((_, i) => i).filter(i => status[i] !== 'shown')
  const seen = new Map<number, Set<number>>(unknown.filter(i => status[i] === 'small').map(i => [i, new Set()]))
  const value: (number | undefined)[] = values.map((v, i) => (status[i] === 'shown' ? v : undefined))
  // A sum is broken when it is fully known and wrong, or when its one unknown member would fall outside its domain.
  const consistent = (): boolean => equations.every((e) => {
    const members = [...e.parts.map(p => [p, 1] as const), [e.total, -1] as const]
    const open = members.filter(([i]) => value[i] === undefined)
    const known = members.filter(([i]) => value[i] !== undefined).reduce((a, [i, sign]) => a + sign * value[i]!, 0)
    if (open.length === 0) return known === 0
    if (open.length === 1) {
      const [i, sign] = open[0]!
      return domainOf(i).includes(-known / sign)
    }
    return true
  })
  const search = (k: number): void => {
    if (k === unknown.length) {
      for (const [i, set] of seen) set.add(value[i]!)
      return
    }
    const i = unknown[k]!
    for (const v of domainOf(i)) {
      value[i] = v
      if (consistent()) search(k + 1)
      // Enough: every '<10' has been seen with two values.
      if ([...seen.values()].every(set => set.size > 1)) break
    }
    value[i] = undefined
  }
  search(0)
  return [...seen].filter(([, set]) => set.size === 1).map(([i]) => i)
}
