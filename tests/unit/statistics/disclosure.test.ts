import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CountSystem } from '~~/server/statistics/system'
import { NOISE_TABLE, noiseOf, perturbedCell, rateOf } from '#shared/statistics/perturbation'
import { MAX_CHANGE, SMALL_MARKER, SUPPRESSION_THRESHOLD, type StatisticsCell } from '#shared/statistics/views'
import en from '#shared/i18n/en/statistics.json'
import zh from '#shared/i18n/zh-CN/statistics.json'

/** How a rule publishes one cell's count: the rule under test, or today's (the control). */
type Publish = (count: number) => StatisticsCell

/** The rule before this change: 1–9 shown as '<10', 0 and 10 or more exactly. */
const thresholdRule: Publish = n => (n > 0 && n < SUPPRESSION_THRESHOLD ? SMALL_MARKER : n)

/** The rule now, through the server's own count system: one cell of a section, with a deployment's secret. */
const perturbationRule = (secret: Uint8Array, cell: string): Publish => (n) => {
  const system = new CountSystem({ secret, name: 'tianjin|2026|events' })
  system.count(cell, n)
  return system.cell(cell)
}

/**
 * The attack from the issue: a reader adds their own records to a cell one at a time (or takes some
 * away), reading the published figure after each, and keeps every starting count that explains all
 * the readings under the published rule. `explains(n0, readings)` is the reader's knowledge of the rule.
 */
function candidates(readings: StatisticsCell[], steps: number[], explains: (n0: number, readings: StatisticsCell[], steps: number[]) => boolean): number[] {
  return Array.from({ length: 80 }, (_, n0) => n0).filter(n0 => steps.every(s => n0 + s >= 0) && explains(n0, readings, steps))
}

/** Knowing today's rule exactly. */
const explainsThreshold = (n0: number, readings: StatisticsCell[], steps: number[]) => steps.every((s, i) => thresholdRule(n0 + s) === readings[i])

/** Knowing the new rule and its noise table, but not the secret: some change in the table explains every reading. */
const explainsPerturbation = (n0: number, readings: StatisticsCell[], steps: number[]) =>
  NOISE_TABLE.some(([change]) => steps.every((s, i) => perturbedCell(n0 + s, change) === readings[i]))

/** Add one record at a time, up to `adds`; first remove `removes` of one's own (already in the count). */
const additions = (adds: number, removes = 0) => [...Array.from({ length: removes + 1 }, (_, i) => -i), ...Array.from({ length: adds }, (_, i) => i + 1)]

describe('the add-your-own-record attack (issue 23, finding 5)', () => {
  it('control: under today\'s rule, nine bookings of one\'s own pin a "<10" that was 1 (and every other 1–9)', () => {
    const steps = additions(9)
    for (let n0 = 1; n0 < SUPPRESSION_THRESHOLD; n0++) {
      const readings = steps.map(s => thresholdRule(n0 + s))
      expect(candidates(readings, steps, explainsThreshold), `start ${n0}`).toEqual([n0])
    }
  })

  it('pins no count above 0 under the cell-key rule, for any secret, however many records are added or removed', () => {
    for (let trial = 0; trial < 40; trial++) {
      const secret = randomBytes(32)
      for (const cell of ['bookings|district=jinghai|age=70-plus', 'attended|district=ninghe']) {
        const publish = perturbationRule(secret, cell)
        for (let n0 = 0; n0 <= 14; n0++) {
          // The reader's own records in the count at the start: none, or up to 5 they then take away.
          for (const own of [0, Math.min(n0, 5)]) {
            const steps = additions(own ? 25 : 40, own)
            const readings = steps.map(s => publish(n0 + s))
            const left = candidates(readings, steps, explainsPerturbation)
            expect(left, `secret ${trial}, start ${n0}`).toContain(n0)
            // The only count that can be pinned is "no one but me" (the reader's own records, which they know).
            if (left.length === 1) expect(left[0], `secret ${trial}, start ${n0}, own ${own}`).toBe(own)
          }
        }
      }
    }
  })

  it('learns no more than one reading: the additions only show the records added', () => {
    const publish = perturbationRule(randomBytes(32), 'bookings|district=jinghai|age=70-plus')
    const n0 = 23
    const first = publish(n0) as number
    // A count far from 10: one reading leaves every start within the table's reach of the figure.
    expect(candidates([first], [0], explainsPerturbation)).toEqual(Array.from({ length: 2 * MAX_CHANGE + 1 }, (_, i) => first - MAX_CHANGE + i))
    const steps = additions(30)
    expect(candidates(steps.map(s => publish(n0 + s)), steps, explainsPerturbation)).toEqual(candidates([first], [0], explainsPerturbation))
  })
})

describe('cell keys', () => {
  const secret = randomBytes(32)

  it('gives the same cell the same figure at every reading, and back again after records are removed and re-added', () => {
    const publish = perturbationRule(secret, 'noshow|total')
    expect(publish(57)).toBe(publish(57))
    const path = [57, 58, 59, 58, 57].map(publish)
    expect(path[0]).toBe(path[4])
    expect(path[1]).toBe(path[3])
    // The change belongs to the cell: two counts of one cell differ by exactly their difference.
    expect((publish(80) as number) - (publish(50) as number)).toBe(30)
  })

  it('keeps small values and zeros from ever being shown as themselves', () => {
    for (let i = 0; i < 500; i++) {
      const publish = perturbationRule(secret, `cell-${i}`)
      for (let n = 0; n < SUPPRESSION_THRESHOLD; n++) {
        const shown = publish(n)
        if (typeof shown === 'number') expect(shown).toBeGreaterThanOrEqual(SUPPRESSION_THRESHOLD)
      }
      expect(publish(0)).toBe(SMALL_MARKER)
    }
  })

  it('draws changes from the table: within ±3, mean 0, each as often as the table says', () => {
    const tally = new Map<number, number>()
    const n = 20_000
    for (let i = 0; i < n; i++) {
      const change = (perturbationRule(secret, `cell-${i}`)(100) as number) - 100
      tally.set(change, (tally.get(change) ?? 0) + 1)
    }
    expect([...tally.keys()].every(c => Math.abs(c) <= MAX_CHANGE)).toBe(true)
    const mean = [...tally].reduce((a, [c, k]) => a + c * k, 0) / n
    expect(Math.abs(mean)).toBeLessThan(0.05)
    for (const [change, percent] of NOISE_TABLE) expect(Math.abs((100 * (tally.get(change) ?? 0)) / n - percent), `change ${change}`).toBeLessThan(1.2)
    expect(NOISE_TABLE.reduce((a, [, p]) => a + p, 0)).toBe(100)
    expect(NOISE_TABLE.reduce((a, [c, p]) => a + c * p, 0)).toBe(0)
    expect(noiseOf(0)).toBe(-MAX_CHANGE)
    expect(noiseOf(0.999_999)).toBe(MAX_CHANGE)
  })

  it('differs between deployments: another secret gives other changes', () => {
    const cells = Array.from({ length: 200 }, (_, i) => `cell-${i}`)
    const a = cells.map(c => perturbationRule(secret, c)(100))
    const b = cells.map(c => perturbationRule(randomBytes(32), c)(100))
    expect(a.filter((v, i) => v !== b[i]).length).toBeGreaterThan(50)
  })
})

describe('public counts and rates', () => {
  it('publishes public counts exactly, small ones included, and protected ones changed', () => {
    const system = new CountSystem({ secret: randomBytes(32), name: 'tianjin|2026|cases' })
    system.count('votes|call', 3, 'public')
    system.count('attended|x', 3)
    expect(system.cell('votes|call')).toBe(3)
    expect(system.isPublic('votes|call')).toBe(true)
    expect(system.cell('attended|x')).toBe(SMALL_MARKER)
  })

  it('works rates out from published figures and withholds those that point at a handful', () => {
    expect(rateOf(SMALL_MARKER, 120)).toBe('c')
    expect(rateOf(30, SMALL_MARKER)).toBe('c')
    expect(rateOf(115, 120)).toBe('c')
    expect(rateOf(5, 120)).toBe('c')
    expect(rateOf(30, 120)).toBe(25)
    expect(rateOf(0, 120)).toBe(0)
    expect(rateOf(120, 120)).toBe(100)
    expect(rateOf(0, 0)).toBeNull()
  })

  it('says the largest change on the page in both languages', () => {
    expect(en.statistics.markers).toContain(`within ${MAX_CHANGE}`)
    expect(zh.statistics.markers).toContain(`最多差 ${MAX_CHANGE}`)
  })
})
