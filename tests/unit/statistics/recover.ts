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
 * more), written apart from the implementation as a complete search: a '<10' is pinned
 * when no other value of 1–9 leaves the published sums solvable in whole numbers.
 * Solvable is decided by narrowing every range over the sums, then splitting a range
 * that is still open and trying both halves, so the answer is exact. `cap` bounds a 'c'
 * from above; the reader does not know it, so it must be far above any real count.
 */
export function pinnedByRanges(values: readonly number[], equations: readonly SumEquation[], status: readonly ('shown' | 'small' | 'hidden')[], cap = 10_000): number[] {
  type Range = [number, number]
  const start: Range[] = values.map((v, i) => (status[i] === 'shown' ? [v, v] : status[i] === 'small' ? [1, 9] : [0, cap]))
  const gap = (i: number) => status[i] === 'hidden'
  const fix = (i: number, r: Range): Range => {
    let [lo, hi] = r
    if (gap(i)) {
      if (lo > 0) lo = Math.max(lo, 10)
      if (hi < 10) hi = Math.min(hi, 0)
    }
    return [lo, hi]
  }
  /** Narrows the ranges in place until nothing changes; false when some range is empty. */
  const narrow = (r: Range[]): boolean => {
    for (let changed = true; changed;) {
      changed = false
      for (const e of equations) {
        const members = [e.total, ...e.parts]
        for (const m of members) {
          const others = e.parts.filter(p => p !== m)
          const partsLo = others.reduce((a, p) => a + r[p]![0], 0)
          const partsHi = others.reduce((a, p) => a + r[p]![1], 0)
          // m is the total: the parts' sum; m is a part: the total less the other parts.
          const bound: Range = m === e.total ? [partsLo, partsHi] : [r[e.total]![0] - partsHi, r[e.total]![1] - partsLo]
          const next = fix(m, [Math.max(r[m]![0], bound[0]), Math.min(r[m]![1], bound[1])])
          if (next[0] > next[1]) return false
          if (next[0] !== r[m]![0] || next[1] !== r[m]![1]) {
            r[m] = next
            changed = true
          }
        }
      }
    }
    return true
  }
  const solvable = (ranges: Range[]): boolean => {
    const r = ranges.map(x => [...x] as Range)
    if (!narrow(r)) return false
    const open = r.map((x, i) => [i, x[1] - x[0]] as const).filter(([, w]) => w > 0).sort((a, b) => a[1] - b[1])[0]
    if (!open) return true
    const [i] = open
    const [lo, hi] = r[i]!
    const halves: Range[] = gap(i) && lo === 0 ? [[0, 0], [10, hi]] : [[lo, Math.floor((lo + hi) / 2)], [Math.floor((lo + hi) / 2) + 1, hi]]
    return halves.some(h => solvable(r.map((x, k) => (k === i ? h : x))))
  }
  return values.map((_, i) => i).filter(i => status[i] === 'small'
    && ![1, 2, 3, 4, 5, 6, 7, 8, 9].some(v => v !== values[i] && solvable(start.map((x, k) => (k === i ? [v, v] : x)))))
}
