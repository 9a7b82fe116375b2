/**
 * Small-count suppression, as pure functions over counts and the sums that tie
 * them together (a table's row and column totals, or several tables that share
 * a margin). The server runs it before any figure leaves the database layer.
 *
 * The rule (SUPPRESSION_RULE below says it in words):
 * - primary: a count of 1–9 is shown as '<10';
 * - zero: a true zero is shown as 0 — it counts no one, so it identifies no one;
 *   a zero is hidden only when nothing else can protect a neighbour (then 'c');
 * - secondary: after primary suppression, any '<10' count that the published
 *   sums would still pin down exactly (a total minus the visible cells, or any
 *   combination of totals) gets one more count of the same row or column hidden,
 *   shown as 'c' — the smallest non-zero one, so as little as possible is lost;
 *   repeated until no hidden count can be worked out. Totals are counts like
 *   any other: a total of 1–9 is '<10', and a total can be the second cell;
 * - rates: a rate is withheld ('c') when its numerator or denominator is hidden,
 *   or when the numerator or its complement (denominator − numerator) is 1–9,
 *   since rate × denominator would give that small count back.
 * The guarantee is against exact recovery: what a reader can solve from the
 * published sums, and what the sums give away together once '<10' is read as 1–9 and
 * 'c' as 0 or 10 and more (rangePinned). A reader can still narrow a '<10' to part of 1–9.
 */
import { HIDDEN_MARKER, SMALL_MARKER, SUPPRESSION_THRESHOLD, type StatisticsCell } from './views'

export type CellStatus = 'shown' | 'small' | 'hidden'

/** `sum(values[parts]) = values[total]`. */
export interface SumEquation { parts: number[], total: number }

export const SUPPRESSION_RULE = {
  zh: `来自居民记录的数字小于 ${SUPPRESSION_THRESHOLD}（但不为 0）时显示为“${SMALL_MARKER}”。如果用合计减去其他格子能算出一个“<10”格子的数字，就再隐藏同一行或同一列的另一个格子，显示为“${HIDDEN_MARKER}”。比例由被隐藏的数字算出、或会暴露小于 ${SUPPRESSION_THRESHOLD} 的人数时，也显示为“${HIDDEN_MARKER}”。0 表示确实没有人，照常显示。管理员看到的也是同样处理过的数字。`,
  en: `Counts from residents' records that are below ${SUPPRESSION_THRESHOLD} (but not 0) are shown as "${SMALL_MARKER}". Where a total minus the other cells would give a "<10" count away, one more cell of the same row or column is hidden and shown as "${HIDDEN_MARKER}". A rate worked out from hidden counts, or one that would reveal fewer than ${SUPPRESSION_THRESHOLD} people, is also shown as "${HIDDEN_MARKER}". A 0 means no one at all and is shown. Administrators see the same protected figures.`,
}

export const isSmall = (value: number) => value > 0 && value < SUPPRESSION_THRESHOLD

export function primarySuppression(values: readonly number[]): CellStatus[] {
  return values.map(v => (isSmall(v) ? 'small' : 'shown'))
}

/**
 * Which hidden entries the published sums determine exactly. The sums are a
 * linear system in the hidden entries; an entry is determined when every
 * solution gives it the same value, i.e. it is a pivot of the fully reduced
 * system whose row has no free entry.
 */
export function determinedEntries(equations: readonly SumEquation[], hidden: readonly boolean[]): number[] {
  // Sparse Gauss–Jordan: rows are maps from hidden entry to coefficient, kept fully reduced.
  const pivotRow = new Map<number, Map<number, number>>()
  const subtract = (row: Map<number, number>, other: Map<number, number>, factor: number) => {
    for (const [j, v] of other) {
      const next = (row.get(j) ?? 0) - factor * v
      if (Math.abs(next) < 1e-9) row.delete(j)
      else row.set(j, next)
    }
  }
  for (const eq of equations) {
    const row = new Map<number, number>()
    for (const p of eq.parts) if (hidden[p]) row.set(p, (row.get(p) ?? 0) + 1)
    if (hidden[eq.total]) row.set(eq.total, (row.get(eq.total) ?? 0) - 1)
    for (const [j, v] of [...row]) if (v === 0) row.delete(j)
    for (const j of [...row.keys()]) {
      const pr = pivotRow.get(j)
      const v = row.get(j)
      if (pr && v !== undefined) subtract(row, pr, v)
    }
    if (!row.size) continue
    const [col, lead] = row.entries().next().value as [number, number]
    for (const [j, v] of row) row.set(j, v / lead)
    for (const other of pivotRow.values()) {
      const v = other.get(col)
      if (v !== undefined) subtract(other, row, v)
    }
    pivotRow.set(col, row)
  }
  // Fully reduced, a pivot whose row holds nothing else has one value in every solution.
  return [...pivotRow].filter(([, row]) => row.size === 1).map(([col]) => col).sort((x, y) => x - y)
}

/**
 * Primary then secondary suppression over counts tied by sums. Exact values of hidden entries are never returned.
 * `internal` entries are never published (they only tie others together, e.g. events by their exact set of
 * audiences): unknown to the reader, and in no need of protection themselves.
 */
export function suppressCounts(values: readonly number[], equations: readonly SumEquation[], forced: readonly boolean[] = [], internal: readonly boolean[] = []): CellStatus[] {
  const status = primarySuppression(values).map((s, i) => (internal[i] || (s === 'shown' && forced[i]) ? 'hidden' : s))
  // Only the small counts need protecting: a secondary cell is a large count or a zero, and telling it gives no one away.
  const open = (hidden: number[]) => hidden.filter(i => status[i] === 'small')
  const members = (e: SumEquation) => [e.total, ...e.parts]
  const hiddenIn = (e: SumEquation) => members(e).filter(i => status[i] !== 'shown')
  // Totals are the figures people read first: hide a cell rather than a total, a small one rather than a large one.
  const totals = new Set(equations.map(e => e.total))
  const score = (i: number, others: Set<number>) => [values[i]! > 0 ? 0 : 1, totals.has(i) ? 1 : 0, others.has(i) ? 0 : 1, values[i]!, i]
  const best = (candidates: number[], others: Set<number>) => [...candidates].sort((a, b) => {
    const sa = score(a, others)
    const sb = score(b, others)
    for (let j = 0; j < sa.length; j++) if (sa[j] !== sb[j]) return sa[j]! - sb[j]!
    return 0
  })
  // A candidate that also sits in a sum pinning another hidden count closes a cycle, protecting both.
  const pinningOthers = (k: number) => new Set(equations.filter((e) => {
    const h = hiddenIn(e)
    return h.length === 1 && h[0] !== k && status[h[0]!] === 'small'
  }).flatMap(members))
  for (let guard = 0; guard <= values.length; guard++) {
    // The cheap case first: a sum with exactly one hidden count gives it away; hide one more of its members.
    let changed = false
    for (const eq of equations) {
      const hidden = hiddenIn(eq)
      if (hidden.length !== 1 || status[hidden[0]!] !== 'small') continue
      const pick = best(members(eq).filter(i => status[i] === 'shown'), pinningOthers(hidden[0]!))[0]
      if (pick === undefined) continue
      status[pick] = 'hidden'
      changed = true
    }
    if (changed) continue
    // Then what only a combination of sums pins down (found by solving the system),
    // or what the sums pin down together once a reader uses the markers' ranges ('<10' is 1–9).
    const linear = open(determinedEntries(equations, status.map(s => s !== 'shown')))
    // Ranges alone first; the trials (slower) only when they find nothing.
    const byRange = linear.length ? [] : rangePinned(values, equations, status, internal, false)
    const byTrial = linear.length || byRange.length ? [] : rangePinned(values, equations, status, internal)
    const k = linear[0] ?? byRange[0] ?? byTrial[0]
    if (k === undefined) return status
    const stillPinned = linear.length
      ? (c: number) => determinedEntries(equations, status.map((s, i) => s !== 'shown' || i === c)).includes(k)
      // Which count to hide is a choice, not the check: ranges without the trials choose well enough, far faster.
      : (c: number) => rangePinned(values, equations, status.map((s, i) => (i === c ? 'hidden' : s)), internal, false).includes(k)
    const hidden = status.map(st => st !== 'shown')
    const shownIn = (eqs: readonly SumEquation[]) => [...new Set(eqs.flatMap(members))].filter(i => status[i] === 'shown')
    const others = pinningOthers(k)
    const near = shownIn(equations.filter(e => members(e).includes(k)))
    const far = shownIn(equations.filter(e => members(e).some(i => hidden[i]))).filter(i => !near.includes(i))
    const ordered = [...best(near, others), ...best(far, others)]
    // The first (best-scored) count whose hiding frees k; failing that, the best one, and go round again.
    const frees = ordered.slice(0, 8).find(c => !stillPinned(c))
    const next = frees ?? ordered[0] ?? values.findIndex((_, i) => status[i] === 'shown')
    if (next < 0) return status
    status[next] = 'hidden'
  }
  return status
}

/**
 * The '<10' counts a reader can pin to one value by reasoning over ranges across every
 * published sum: a '<10' is 1–9, a 'c' is 0 or at least 10 (secondary cells are zeros or
 * large counts), a shown count is itself. Each sum narrows its members' ranges
 * (a part is at least the total less the others' most, at most the total less their
 * least), repeated until nothing changes. E.g. two '<10' under a remainder of 18 are both
 * 9; '<10' + 'c' = 11 is 1 + 10; a range narrowed by one sum narrows the next; and a
 * value the ranges fix (a 'c' that must be 0) lets the sums be solved for others.
 * Then (with `trials`) each 'c' still open is tried both ways, 0 and 10 or more, and each
 * '<10' still open at each of its values: what the trials allow is all a reader can know
 * (in [[0,10,2],[9,0,3],[12,0,10]] with its totals the 2 is 2 whichever the middle 0 is).
 * Sound, not complete: a reader with an integer solver may narrow further; it never
 * claims a pin that is not there. `internal` entries are never published, so they are
 * only known to be 0 or more.
 */
export function rangePinned(values: readonly number[], equations: readonly SumEquation[], status: readonly CellStatus[], internal: readonly boolean[] = [], trials = true): number[] {
  let lo = status.map((s, i) => (s === 'shown' ? values[i]! : s === 'small' ? 1 : 0))
  let hi = status.map((s, i) => (s === 'shown' ? values[i]! : s === 'small' ? SUPPRESSION_THRESHOLD - 1 : Infinity))
  /** Set when a trial value leaves some member no value at all: that trial is impossible. */
  let impossible = false
  /** A 'c' is 0 or at least the threshold: a range that excludes 0 starts at the threshold, one below the threshold is 0. */
  const tighten = (i: number, low: number, high: number) => {
    let l = Math.max(lo[i]!, low)
    let h = Math.min(hi[i]!, high)
    if (status[i] === 'hidden' && !internal[i]) {
      if (l > 0) l = Math.max(l, SUPPRESSION_THRESHOLD)
      if (h < SUPPRESSION_THRESHOLD) h = 0
    }
    if (l > h) impossible = true
    if (l === lo[i] && h === hi[i]) return false
    lo[i] = l
    hi[i] = h
    return true
  }
  const sum = (ids: readonly number[], of: number[]) => ids.reduce((a, i) => a + of[i]!, 0)
  const isC = (i: number) => status[i] === 'hidden' && !internal[i] && lo[i] !== hi[i]
  /**
   * What one sum allows `target` to be: the other members' ranges, with the 'c' among them taken
   * together (a sum of zeros and counts of 10 or more is 0 or at least 10), as up to two ranges.
   */
  const allowed = (eq: SumEquation, target: number): [number, number][] => {
    const others = target === eq.total ? eq.parts : [eq.total, ...eq.parts.filter(p => p !== target)]
    const sign = (i: number) => (target === eq.total || i === eq.total ? 1 : -1)
    // The 'c' taken together are those on the other side from the target (parts, when the target is a part).
    const cs = others.filter(i => isC(i) && (target === eq.total || i !== eq.total))
    const rest = others.filter(i => !cs.includes(i))
    // target = Σ sign·rest + σ·G, where G is the 'c' sum (σ = +1 for a total, −1 for a part).
    const restLo = rest.reduce((a, i) => a + (sign(i) > 0 ? lo[i]! : -hi[i]!), 0)
    const restHi = rest.reduce((a, i) => a + (sign(i) > 0 ? hi[i]! : -lo[i]!), 0)
    if (!cs.length) return [[restLo, restHi]]
    const gLo = sum(cs, lo)
    const gHi = sum(cs, hi)
    const pieces: [number, number][] = gLo === 0 ? [[0, 0]] : []
    if (gHi >= SUPPRESSION_THRESHOLD) pieces.push([Math.max(SUPPRESSION_THRESHOLD, gLo), gHi])
    return pieces.map(([x, y]) => (target === eq.total ? [restLo + x, restHi + y] : [restLo - y, restHi - x]))
  }
  const membersOf = equations.map(eq => [...new Set([eq.total, ...eq.parts])])
  const sumsOf: number[][] = values.map(() => [])
  membersOf.forEach((members, k) => members.forEach(i => sumsOf[i]!.push(k)))
  /** Narrows by each sum in turn, and again by the sums of any count that changed, until none changes. */
  const propagate = (start: readonly number[] = equations.map((_, k) => k)) => {
    const queue = [...start]
    const queued = new Set(queue)
    for (let head = 0; head < queue.length && head < 100 * equations.length; head++) {
      const k = queue[head]!
      queued.delete(k)
      for (const target of membersOf[k]!) {
        if (status[target] === 'shown' || lo[target] === hi[target]) continue
        // Keep what lies within the target's own range; its bounds are the outermost of what is left.
        const fits = allowed(equations[k]!, target).map(([x, y]) => [Math.max(x, lo[target]!), Math.min(y, hi[target]!)] as const).filter(([x, y]) => x <= y)
        if (!fits.length) {
          impossible = true
          return
        }
        if (!tighten(target, Math.min(...fits.map(f => f[0])), Math.max(...fits.map(f => f[1])))) continue
        for (const next of sumsOf[target]!) {
          if (!queued.has(next)) {
            queued.add(next)
            queue.push(next)
          }
        }
      }
    }
  }
  // A value the ranges fix is known; with it known, the sums may solve for more (linear), whose values
  // the reader then knows too; and round again.
  const narrow = () => {
    for (let round = 0; round <= values.length; round++) {
      propagate()
      const unknown = status.map((s, i) => s !== 'shown' && lo[i] !== hi[i])
      const solved = determinedEntries(equations, unknown).filter(i => unknown[i])
      if (!solved.length) break
      for (const i of solved) lo[i] = hi[i] = values[i]!
    }
  }
  /** The ranges the sums allow with count i taken to lie in [low, high], or null if none. Ranges only: a trial value is no fact to solve the sums with. */
  const trial = (i: number, low: number, high: number) => {
    const saved = [lo, hi] as const
    lo = [...saved[0]]
    hi = [...saved[1]]
    impossible = false
    lo[i] = low
    hi[i] = high
    propagate(sumsOf[i])
    const result = impossible ? null : [lo, hi] as const
    ;[lo, hi] = saved
    impossible = false
    return result
  }
  narrow()
  for (let round = 0; trials && round <= values.length; round++) {
    let changed = false
    for (let i = 0; i < values.length; i++) {
      const twoWays = isC(i) && lo[i] === 0 && hi[i]! >= SUPPRESSION_THRESHOLD
      const fewValues = status[i] === 'small' && lo[i]! < hi[i]!
      if (!twoWays && !fewValues) continue
      const tried = twoWays
        ? [trial(i, 0, 0), trial(i, SUPPRESSION_THRESHOLD, hi[i]!)]
        : Array.from({ length: hi[i]! - lo[i]! + 1 }, (_, k) => trial(i, lo[i]! + k, lo[i]! + k))
      const ways = tried.filter(w => w !== null)
      // The true value is one of the ways, so at least one is possible.
      for (let j = 0; j < values.length && ways.length; j++) {
        if (tighten(j, Math.min(...ways.map(w => w[0][j]!)), Math.max(...ways.map(w => w[1][j]!)))) changed = true
      }
    }
    if (!changed) break
    narrow()
  }
  return status.map((s, i) => (s === 'small' && lo[i] === hi[i] ? i : -1)).filter(i => i >= 0)
}

export function cellOf(value: number, status: CellStatus): StatisticsCell {
  return status === 'shown' ? value : status === 'small' ? SMALL_MARKER : HIDDEN_MARKER
}

/** A count with its status, as builders pass them to `suppressedRate`. */
export interface StatusCount { value: number, status: CellStatus }

/** A percentage (one decimal) of two protected counts, withheld when it could give a small or hidden count back; null when the denominator is 0. */
export function suppressedRate(numerator: StatusCount, denominator: StatusCount): StatisticsCell {
  if (numerator.status !== 'shown' || denominator.status !== 'shown') return HIDDEN_MARKER
  if (denominator.value === 0) return null
  if (isSmall(numerator.value) || isSmall(denominator.value - numerator.value)) return HIDDEN_MARKER
  return Math.round((numerator.value / denominator.value) * 1000) / 10
}

export interface CountTable {
  /** counts[row][column] */
  counts: number[][]
  /** Publish each row's total (the sum of its cells). */
  rowTotals: boolean
  /** Publish each column's total (and, with row totals, the grand total). */
  columnTotals: boolean
}

export interface SuppressedTable {
  cells: StatisticsCell[][]
  rowTotals: StatisticsCell[] | null
  columnTotals: StatisticsCell[] | null
  grandTotal: StatisticsCell | null
  /** Statuses in the same layout, for rates built on top. */
  status: { cells: CellStatus[][], rowTotals: CellStatus[] | null, columnTotals: CellStatus[] | null, grandTotal: CellStatus | null }
}

/** The layout of a table with its margins as one list of entries and the sums between them. */
export function tableSystem(table: CountTable) {
  const rows = table.counts.length
  const cols = table.counts[0]?.length ?? 0
  const values: number[] = table.counts.flat()
  const cell = (r: number, c: number) => r * cols + c
  const equations: SumEquation[] = []
  const rowTotal: number[] = []
  const columnTotal: number[] = []
  let grand = -1
  if (table.rowTotals) {
    for (let r = 0; r < rows; r++) {
      rowTotal.push(values.push(table.counts[r]!.reduce((a, b) => a + b, 0)) - 1)
      equations.push({ parts: Array.from({ length: cols }, (_, c) => cell(r, c)), total: rowTotal[r]! })
    }
  }
  if (table.columnTotals) {
    for (let c = 0; c < cols; c++) {
      columnTotal.push(values.push(table.counts.reduce((a, row) => a + row[c]!, 0)) - 1)
      equations.push({ parts: Array.from({ length: rows }, (_, r) => cell(r, c)), total: columnTotal[c]! })
    }
  }
  if (table.rowTotals && table.columnTotals) {
    grand = values.push(table.counts.flat().reduce((a, b) => a + b, 0)) - 1
    equations.push({ parts: rowTotal, total: grand })
    equations.push({ parts: columnTotal, total: grand })
  }
  return { values, equations, cell, rowTotal, columnTotal, grand, rows, cols }
}

/** Primary and secondary suppression of one table with the totals it publishes. */
export function suppressTable(table: CountTable): SuppressedTable {
  const sys = tableSystem(table)
  const status = suppressCounts(sys.values, sys.equations)
  const at = (i: number) => cellOf(sys.values[i]!, status[i]!)
  const grid = <T>(f: (i: number) => T) => Array.from({ length: sys.rows }, (_, r) => Array.from({ length: sys.cols }, (_, c) => f(sys.cell(r, c))))
  return {
    cells: grid(at),
    rowTotals: table.rowTotals ? sys.rowTotal.map(at) : null,
    columnTotals: table.columnTotals ? sys.columnTotal.map(at) : null,
    grandTotal: sys.grand >= 0 ? at(sys.grand) : null,
    status: {
      cells: grid(i => status[i]!),
      rowTotals: table.rowTotals ? sys.rowTotal.map(i => status[i]!) : null,
      columnTotals: table.columnTotals ? sys.columnTotal.map(i => status[i]!) : null,
      grandTotal: sys.grand >= 0 ? status[sys.grand]! : null,
    },
  }
}
