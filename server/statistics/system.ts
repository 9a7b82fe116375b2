import { cellOf, suppressCounts, suppressedRate, type CellStatus, type SumEquation } from '../../shared/statistics/suppression'
import type { StatisticsCell } from '../../shared/statistics/views'

/**
 * Every protected count of a section, keyed by what it counts
 * ('places|district=heping|age=70-plus'), with the sums that tie them together.
 * Tables are views onto these keys, so one count shown in two tables is one
 * entry: suppression is solved once over all of them, and no table can give
 * away what another hides. Exact values stay inside this object.
 */
export class CountSystem {
  private readonly index = new Map<string, number>()
  private readonly values: number[] = []
  private readonly equations: SumEquation[] = []
  private readonly internal: boolean[] = []
  private status: CellStatus[] | null = null

  /** A count; the same key twice is the same entry. An `internal` count is never published: it only ties published ones together. */
  count(key: string, value: number, internal = false): string {
    const known = this.index.get(key)
    if (known === undefined) {
      this.index.set(key, this.values.push(value) - 1)
      this.internal.push(internal)
      this.status = null
    }
    else if (this.values[known] !== value) throw new Error(`statistics: ${key} counted as ${this.values[known]} and ${value}`)
    return key
  }

  /** `total = sum(parts)`, as a reader could add them up. */
  sum(total: string, parts: string[]) {
    const at = (k: string) => {
      const i = this.index.get(k)
      if (i === undefined) throw new Error(`statistics: unknown count ${k}`)
      return i
    }
    this.equations.push({ total: at(total), parts: parts.map(at) })
    this.status = null
  }

  private solved(): CellStatus[] {
    this.status ??= suppressCounts(this.values, this.equations, [], this.internal)
    return this.status
  }

  cell(key: string): StatisticsCell {
    const i = this.index.get(key)
    if (i === undefined) throw new Error(`statistics: unknown count ${key}`)
    if (this.internal[i]) throw new Error(`statistics: ${key} is internal`)
    return cellOf(this.values[i]!, this.solved()[i]!)
  }

  /** A percentage of two counts of this system, withheld by the rate rule. */
  rate(numerator: string, denominator: string): StatisticsCell {
    const of = (k: string) => {
      const i = this.index.get(k)!
      return { value: this.values[i]!, status: this.solved()[i]! }
    }
    return suppressedRate(of(numerator), of(denominator))
  }
}
