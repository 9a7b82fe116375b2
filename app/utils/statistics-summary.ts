import type { TFunction } from 'i18next'
import type { Language } from '#shared/i18n/languages'
import { pickText } from '#shared/i18n/languages'
import type { StatisticsTable, StatisticsView } from '#shared/statistics/views'
import { formatStatisticsCell, statisticsRowLabel } from './statistics-cells'

// The markers come with the data: importing them from the schemas would bring zod into the browser.
type Suppression = Pick<StatisticsView['suppression'], 'threshold' | 'marker' | 'hiddenMarker'>

/**
 * The one sentence in words under a chart, from the drawn column's cells: which row is largest,
 * its value and (for counts with a total) its share. A hidden cell ('c') may be larger than any
 * shown, and a '<10' larger than a shown count below 10, so then the sentence speaks only of the
 * figures shown. Days (rows keyed 'day') read as "the day with the most …".
 */
export function statisticsSummary(table: StatisticsTable, suppression: Suppression, lang: Language, t: TFunction): string {
  const index = table.columns.findIndex(c => c.key === table.chart.column)
  const column = table.columns[index]
  if (!column) return ''
  // A cross-tabulation's drawn column is its total across the second dimension, not a measure with a name.
  const label = table.columnDimension.key === 'measure' ? pickText(column.label, lang) : t('statistics.crossTabMeasure')
  const measure = lang === 'en' ? label.toLowerCase() : label
  const cells = table.rows.map(r => r.cells[index])
  if (cells.every(c => c === null || c === undefined)) return t('statistics.summaryEmpty')
  const numbers = cells.filter((c): c is number => typeof c === 'number')
  if (!numbers.length) return t('statistics.summaryNoneShown', { measure })
  const top = Math.max(...numbers)
  const hidden = cells.includes(suppression.hiddenMarker)
  const small = cells.includes(suppression.marker)
  if (top === 0 && !hidden && !small) return t('statistics.summaryAllZero', { measure })
  // A protected column's figures each carry a change of a few, so the largest shown may not be the largest.
  const uncertain = hidden || (small && top < suppression.threshold) || !column.exact
  if (top === 0) return t('statistics.summaryNoneShown', { measure })

  const rows = table.rows.filter((_, i) => cells[i] === top).map(r => statisticsRowLabel(r, table, lang)).join(t('statistics.rowsJoin'))
  const value = formatStatisticsCell(top, column.unit, lang)
  const vars = { rows, measure, value }
  if (column.unit === 'percent') return t(uncertain ? 'statistics.summaryRateTopShown' : 'statistics.summaryRateTop', vars)
  if (table.rowDimension.key === 'day') return t(uncertain ? 'statistics.summaryDayTopShown' : 'statistics.summaryDayTop', vars)
  if (uncertain) return t('statistics.summaryTopShown', vars)

  const total = table.totals?.cells[index]
  const whole = typeof total === 'number' ? total : !small ? numbers.reduce((a, b) => a + b, 0) : 0
  if (!(whole > 0) || whole < top) return t('statistics.summaryTop', vars)
  const share = `${Math.round((top / whole) * 100)}%`
  return t(table.rowDimension.key === 'district' ? 'statistics.summaryTopShareCity' : 'statistics.summaryTopShare', { ...vars, share })
}
