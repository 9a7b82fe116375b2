import { pickText, type Language } from '#shared/i18n/languages'
import type { StatisticsCell, StatisticsRow, StatisticsTable, StatisticsView } from '#shared/statistics/views'
import { formatDate } from '#shared/utils/dates'
import { barChartSvg, type ChartValue } from './bar-chart'

const toValue = (cell: StatisticsCell | undefined): ChartValue => (typeof cell === 'number' ? cell : typeof cell === 'string' ? { marker: cell } : null)

/** A day's row labelled only with its ISO date reads as "12月8日周二" (the same as app/utils/statistics-cells.ts). */
function rowLabel(row: StatisticsRow, table: StatisticsTable, lang: Language): string {
  const label = pickText(row.label, lang)
  if (table.rowDimension.key !== 'day' || label !== row.key || !/^\d{4}-\d{2}-\d{2}$/.test(row.key)) return label
  return formatDate(row.key, lang, { year: undefined, weekday: 'short' })
}

function formatter(lang: Language, unit: 'count' | 'percent') {
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 })
  return unit === 'percent' ? (n: number) => `${numbers.format(n)}%` : (n: number) => numbers.format(n)
}

/**
 * The chart of one statistics table, as SVG markup in one language, or null when the table is
 * not drawn (`chart.kind` 'none', or no rows). Only the column `chart.column` is drawn; '<10' and 'c' cells
 * are stubs labelled with their marker. 'line' tables (days) keep their rows' order, drawn as bars.
 */
export function tableChartSvg(table: StatisticsTable, lang: Language): string | null {
  if (table.chart.kind === 'none' || !table.rows.length) return null
  const index = table.columns.findIndex(c => c.key === table.chart.column)
  const column = table.columns[index]
  if (!column) throw new Error(`table ${table.id}: no column ${table.chart.column} to draw`)
  return barChartSvg({
    id: `chart-${table.id}`,
    title: pickText(table.title, lang),
    categories: table.rows.map(r => rowLabel(r, table, lang)),
    series: [{ name: pickText(column.label, lang), values: table.rows.map(r => toValue(r.cells[index])) }],
    // A cross-tabulation's column is a value of its second dimension ("Age group: All").
    axisLabel: table.columnDimension.key === 'measure' ? pickText(column.label, lang) : `${pickText(table.columnDimension.label, lang)}${lang === 'en' ? ': ' : '：'}${pickText(column.label, lang)}`,
    unit: column.unit,
    format: formatter(lang, column.unit),
  })
}

/** Every drawn table of a statistics view (or the admin view's sections and operational figures), by table id. */
export function statisticsChartsSvg(view: Pick<StatisticsView, 'sections'> & { operational?: StatisticsView['sections']['events'] }, lang: Language): Record<string, string> {
  const sections = [...Object.values(view.sections), view.operational]
  const charts: Record<string, string> = {}
  for (const table of sections.flatMap(s => s?.tables ?? [])) {
    const svg = tableChartSvg(table, lang)
    if (svg) charts[table.id] = svg
  }
  return charts
}
