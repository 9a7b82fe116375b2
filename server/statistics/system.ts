import { noiseOf, perturbedCell, rateOf } from '#shared/statistics/perturbation'
import type { StatisticsCell } from '#shared/statistics/views'
import { cellKey } from './cell-key'

/**
 * How a count is published: 'public' exactly (it is on another public page already: places booked
 * on an event, a case's votes, a team's entries, and sums of those); 'protected' with its cell's
 * change (shared/statistics/perturbation.ts); 'internal' never (it only ties others together in a sum).
 */
export type Disclosure = 'public' | 'protected' | 'internal'

/** Where a section's cells live: the deployment's secret and the cells' common name (city, year, section). */
export interface CellScope { secret: Uint8Array, name: string }

/**
 * Every count of a section, keyed by what it counts ('places|district=heping'). One count shown in
 * two tables is one entry with one change, so no table can average another's change away. Exact
 * values of protected counts stay inside this object.
 */
export class CountSystem {
  private readonly entries = new Map<string, { value: number, disclosure: Disclosure }>()

  constructor(private readonly scope: CellScope) {}

  /** A count; the same key twice is the same entry. */
  count(key: string, value: number, disclosure: Disclosure = 'protected'): string {
    const known = this.entries.get(key)
    if (!known) this.entries.set(key, { value, disclosure })
    else if (known.value !== value || known.disclosure !== disclosure) throw new Error(`statistics: ${key} counted twice, differently`)
    return key
  }

  /** `total = sum(parts)` before any change: a check on the builder (published protected figures need not add up). */
  sum(total: string, parts: string[]) {
    const exact = parts.reduce((n, k) => n + this.entry(k).value, 0)
    if (exact !== this.entry(total).value) throw new Error(`statistics: ${total} is not the sum of its parts`)
  }

  private entry(key: string) {
    const e = this.entries.get(key)
    if (!e) throw new Error(`statistics: unknown count ${key}`)
    return e
  }

  /** Whether the count is published as counted. */
  isPublic(key: string): boolean {
    return this.entry(key).disclosure === 'public'
  }

  cell(key: string): StatisticsCell {
    const { value, disclosure } = this.entry(key)
    if (disclosure === 'internal') throw new Error(`statistics: ${key} is internal`)
    if (disclosure === 'public') return value
    return perturbedCell(value, noiseOf(cellKey(this.scope.secret, `${this.scope.name}|${key}`)))
  }

  /** A percentage of two counts of this system, from their published figures. */
  rate(numerator: string, denominator: string): StatisticsCell {
    return rateOf(this.cell(numerator), this.cell(denominator))
  }
}
