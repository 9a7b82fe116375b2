import type { LocalizedText } from '#shared/primitives'
import type { StatisticsCell, StatisticsColumn, StatisticsTable } from '#shared/statistics/views'
import type { CountSystem } from './system'

export interface Label { key: string, label: LocalizedText }

/** How a column's cell is made for a row key ('total' for the totals row). */
export type ColumnSource = (row: string) => StatisticsCell

/** A column as a builder writes it: its cells, and which of them are published as counted. */
export type ColumnSpec = Omit<StatisticsColumn, 'exact'> & { cell: ColumnSource, exact: (row: string) => boolean }

export interface TableSpec {
  id: string
  title: LocalizedText
  description: LocalizedText
  rowDimension: Label
  columnDimension: Label
  rows: Label[]
  columns: ColumnSpec[]
  totals: boolean
  rowTotal?: string
  chart: StatisticsTable['chart']
}

export const TOTAL = 'total'
export const totalLabel: LocalizedText = { zh: '合计', en: 'Total' }

export function table(spec: TableSpec): StatisticsTable {
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    rowDimension: spec.rowDimension,
    columnDimension: spec.columnDimension,
    columns: spec.columns.map(({ key, label, unit, exact }) => {
      const all = [...spec.rows.map(r => r.key), ...(spec.totals ? [TOTAL] : [])]
      const exactRows = all.filter(exact)
      return { key, label, unit, exact: exactRows.length === all.length, ...(exactRows.length && exactRows.length < all.length ? { exactRows } : {}) }
    }),
    rows: spec.rows.map(r => ({ key: r.key, label: r.label, cells: spec.columns.map(c => c.cell(r.key)) })),
    totals: spec.totals ? { label: totalLabel, cells: spec.columns.map(c => c.cell(TOTAL)) } : null,
    rowTotal: spec.rowTotal ?? null,
    chart: spec.chart,
  }
}

/** A column of counts about residents: `key(row)` names the count in the system, which publishes it by its rule. */
export function protectedColumn(system: CountSystem, key: string, label: LocalizedText, countKey: (row: string) => string): ColumnSpec {
  return { key, label, unit: 'count', cell: row => system.cell(countKey(row)), exact: row => system.isPublic(countKey(row)) }
}

/** A column of counts that are not about residents (events held, places offered): shown as they are. */
export function plainColumn(key: string, label: LocalizedText, value: (row: string) => number): ColumnSpec {
  return { key, label, unit: 'count', cell: value, exact: () => true }
}

export function rateColumn(system: CountSystem, key: string, label: LocalizedText, numerator: (row: string) => string, denominator: (row: string) => string): ColumnSpec {
  return { key, label, unit: 'percent', cell: row => system.rate(numerator(row), denominator(row)), exact: row => system.isPublic(numerator(row)) && system.isPublic(denominator(row)) }
}
