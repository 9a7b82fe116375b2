import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { primarySuppression, suppressCounts, suppressedRate, suppressTable, tableSystem } from '../../../shared/statistics/suppression'
import { HIDDEN_MARKER, SMALL_MARKER } from '../../../shared/statistics/views'
import { pinnedByRanges, recoverable } from './recover'

describe('primary suppression', () => {
  it('hides 1–9 and shows 0 and 10 or more', () => {
    expect(primarySuppression([0, 1, 9, 10, 250])).toEqual(['shown', 'small', 'small', 'shown', 'shown'])
  })
})

describe('secondary suppression', () => {
  it('hides a second cell of the row and of the column, here the four corners of a rectangle', () => {
    const t = suppressTable({ counts: [[3, 40, 25], [12, 30, 18], [20, 0, 15]], rowTotals: true, columnTotals: true })
    expect(t.cells).toEqual([[SMALL_MARKER, 40, HIDDEN_MARKER], [HIDDEN_MARKER, 30, HIDDEN_MARKER], [20, 0, 15]])
    expect(t.rowTotals).toEqual([68, 60, 35])
    expect(t.grandTotal).toBe(163)
  })

  it('hides a total of 1–9 too, and leaves a table without totals to primary suppression', () => {
    expect(suppressTable({ counts: [[3], [4]], rowTotals: false, columnTotals: true }).columnTotals).toEqual([SMALL_MARKER])
    expect(suppressTable({ counts: [[3, 50]], rowTotals: false, columnTotals: false }).cells).toEqual([[SMALL_MARKER, 50]])
  })

  it('uses what the markers mean: two 9s under a total of 118, two 1s under 102, and "<10" + "c" = 11 are all given away without one more cell', () => {
    // Without the ranges: 18 = two '<10' → both 9; 2 → both 1; 11 = a '<10' + a 'c' (0 or 10 and more) → 1 + 10.
    for (const counts of [[[9], [9], [100]], [[1], [1], [100]], [[1], [10], [100]]]) {
      const t = suppressTable({ counts, rowTotals: false, columnTotals: true })
      const shown = t.cells.flat().filter((c): c is number => typeof c === 'number')
      const total = t.columnTotals![0]
      // Either the total is hidden, or the hidden remainder leaves more than one way to split it.
      if (typeof total === 'number') {
        const rest = total - shown.reduce((a, b) => a + b, 0)
        const markers = t.cells.flat().filter(c => typeof c !== 'number')
        const smalls = markers.filter(c => c === SMALL_MARKER).length
        const hiddenOthers = markers.length - smalls
        const ways = Array.from({ length: 9 * smalls - smalls + 1 }, (_, k) => k + smalls).filter(sum => rest - sum === 0 || (hiddenOthers > 0 && rest - sum >= 10))
        expect(ways.length > 1 || (smalls > 1 && ways[0] !== smalls && ways[0] !== 9 * smalls), JSON.stringify(t)).toBe(true)
      }
    }
  })

  it('catches what only a combination of sums gives away', () => {
    // a (5) + b = 25, b + c = 50, c + d (15) = 45, with b and c already hidden: c = 30, so b = 20, so a = 5.
    const values = [5, 20, 30, 15, 25, 50, 45]
    const equations = [{ parts: [0, 1], total: 4 }, { parts: [1, 2], total: 5 }, { parts: [2, 3], total: 6 }]
    const forced = [false, true, true]
    expect(recoverable(equations, [true, true, true, false, false, false, false])).toContain(0)
    const status = suppressCounts(values, equations, forced)
    expect(status[0]).toBe('small')
    expect(recoverable(equations, status.map(s => s !== 'shown'))).not.toContain(0)
  })

  const table = fc.record({
    counts: fc.integer({ min: 1, max: 6 }).chain(rows => fc.integer({ min: 1, max: 5 }).chain(cols =>
      fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 300 })), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }))),
    rowTotals: fc.boolean(),
    columnTotals: fc.boolean(),
  })

  it('never shows a count of 1–9, and no hidden count can be worked out from the totals and the visible cells (random tables)', () => {
    fc.assert(fc.property(table, (spec) => {
      const sys = tableSystem(spec)
      const result = suppressTable(spec)
      const shown = [...result.cells.flat(), ...(result.rowTotals ?? []), ...(result.columnTotals ?? []), ...(result.grandTotal === null ? [] : [result.grandTotal])]
      for (const cell of shown) if (typeof cell === 'number') expect(cell === 0 || cell >= 10).toBe(true)
      // Every value of the system, in the order tableSystem lays them out, hidden or not.
      const hidden = [...result.status.cells.flat(), ...(result.status.rowTotals ?? []), ...(result.status.columnTotals ?? []), ...(result.status.grandTotal === null ? [] : [result.status.grandTotal])].map(s => s !== 'shown')
      expect(hidden).toHaveLength(sys.values.length)
      // No line hides a '<10' count alone (a total minus the visible cells), and no combination of totals pins one down.
      const small = [...result.status.cells.flat(), ...(result.status.rowTotals ?? []), ...(result.status.columnTotals ?? []), ...(result.status.grandTotal === null ? [] : [result.status.grandTotal])].map(s => s === 'small')
      for (const e of sys.equations) {
        const inLine = [e.total, ...e.parts].filter(i => hidden[i])
        if (inLine.length === 1) expect(small[inLine[0]!]).toBe(false)
      }
      expect(recoverable(sys.equations, hidden).filter(i => small[i])).toEqual([])
      // A shown cell is the true count.
      result.cells.forEach((row, r) => row.forEach((cell, c) => typeof cell === 'number' && expect(cell).toBe(spec.counts[r]![c])))
    }), { numRuns: 400 })
  })
})

describe('ranges across sums', () => {
  it.each([
    // The middle row's 'c' must be 0 (its row total is a '<10'); then rows and columns give the corner away: 3 + x = 4.
    { why: 'solves the sums again once the ranges fix a hidden count', counts: [[1, 10, 2], [0, 2, 0], [0, 1, 1]] },
    // 'c' + '<10' + 'c' = 11 (the grand total less the other row): one 'c' is 10 and the other 0, whichever, so the '<10' is 1.
    { why: 'takes the c of one sum together: zeros and counts of 10 or more add up to 0 or at least 10', counts: [[10, 1, 0], [10, 0, 10]] },
    // Rows a + b = 20 and c + d = 11, column b + d = 19, with b, c and d '<10' or hidden: d is a
    // '<10' and c a 'c' under 11, so c = 10 and d = 1; then b = 18 in column b + d = 19 cannot be 'c'.
    { why: 'catches a range that one sum narrows and another sum then pins', counts: [[12, 8], [10, 1]] },
    // Found by the property below (seed 2070642973): with the middle 0 hidden, row 2 and column 2
    // give the top right 2 whether that 0 is 0 or 10; interval reasoning alone left it open.
    { why: 'tries a \'c\' both ways: a count that comes out the same whichever the \'c\' is, is pinned', counts: [[0, 10, 2], [9, 0, 3], [12, 0, 10]] },
    // Found by the property below once the 'c' were tried both ways.
    { why: 'tries each value a \'<10\' may have: one that only a single value survives is pinned', counts: [[20, 0, 9], [0, 20, 1], [1, 10, 2]] },
  ])('$why', ({ counts }) => {
    const spec = { counts, rowTotals: true, columnTotals: true }
    const sys = tableSystem(spec)
    const { status } = suppressTable(spec)
    const flat = [...status.cells.flat(), ...status.rowTotals!, ...status.columnTotals!, status.grandTotal!]
    expect(pinnedByRanges(sys.values, sys.equations, flat)).toEqual([])
  })

  const small = fc.record({
    counts: fc.integer({ min: 1, max: 3 }).chain(rows => fc.integer({ min: 1, max: 3 }).chain(cols =>
      fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 24 })), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }))),
    rowTotals: fc.boolean(),
    columnTotals: fc.boolean(),
  })

  it('leaves no "<10" that a reader could pin by searching every split the markers allow (random small tables)', () => {
    fc.assert(fc.property(small, (spec) => {
      const sys = tableSystem(spec)
      const { status } = suppressTable(spec)
      const flat = [...status.cells.flat(), ...(status.rowTotals ?? []), ...(status.columnTotals ?? []), ...(status.grandTotal === null ? [] : [status.grandTotal])]
      expect(pinnedByRanges(sys.values, sys.equations, flat), JSON.stringify({ spec, flat })).toEqual([])
    }), { numRuns: 300 })
  })
})

describe('rates', () => {
  const shown = (value: number) => ({ value, status: 'shown' as const })
  it('gives a percentage with one decimal of two shown counts', () => {
    expect(suppressedRate(shown(20), shown(60))).toBe(33.3)
    expect(suppressedRate(shown(0), shown(60))).toBe(0)
  })
  it('withholds a rate of a hidden count, or one that would give back 1–9 people, and has none without a denominator', () => {
    expect(suppressedRate({ value: 40, status: 'hidden' }, shown(60))).toBe(HIDDEN_MARKER)
    expect(suppressedRate(shown(20), { value: 25, status: 'hidden' })).toBe(HIDDEN_MARKER)
    expect(suppressedRate(shown(5), shown(60))).toBe(HIDDEN_MARKER)
    expect(suppressedRate(shown(55), shown(60))).toBe(HIDDEN_MARKER)
    expect(suppressedRate(shown(0), shown(0))).toBeNull()
  })
})
