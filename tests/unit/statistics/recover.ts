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
