import { pickText, type Language } from '#shared/i18n/languages'
import type { StatisticsCell, StatisticsRow, StatisticsTable, StatisticsUnit } from '#shared/statistics/views'
import { formatDate } from '#shared/utils/dates'

/** A cell as the tables write it: the number in the page's language, or its marker ('<10', 'c'), or '—' when it does not apply. */
// One formatter per language: creating an Intl.NumberFormat per cell was most of a cold page's render.
const formatters = new Map<Language, Intl.NumberFormat>()

export function formatStatisticsCell(cell: StatisticsCell | undefined, unit: StatisticsUnit, lang: Language): string {
  if (typeof cell === 'string') return cell
  if (typeof cell !== 'number') return '—'
  const format = formatters.get(lang) ?? formatters.set(lang, new Intl.NumberFormat(lang, { maximumFractionDigits: 1 })).get(lang)!
  const text = format.format(cell)
  return unit === 'percent' ? `${text}%` : text
}

/** A row's label; a day labelled only with its ISO date reads as "12月8日周二" (as the server's charts write it). */
export function statisticsRowLabel(row: Pick<StatisticsRow, 'key' | 'label'>, table: Pick<StatisticsTable, 'rowDimension'>, lang: Language): string {
  const label = pickText(row.label, lang)
  if (table.rowDimension.key !== 'day' || label !== row.key || !/^\d{4}-\d{2}-\d{2}$/.test(row.key)) return label
  return formatDate(row.key, lang, { year: undefined, weekday: 'short' })
}
