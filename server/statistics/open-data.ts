import type { DataPackageView, StatisticsCell, StatisticsTable, StatisticsView } from '../../shared/statistics/views'
import { HIDDEN_MARKER, MAX_CHANGE, SMALL_MARKER } from '../../shared/statistics/views'
import { DISCLOSURE_METHOD } from '../../shared/statistics/perturbation'
import { toCsv } from '../utils/csv'

/** The values the CSVs use for cells that are not numbers (Table Schema `missingValues`). */
export const MISSING_VALUES = ['', SMALL_MARKER, HIDDEN_MARKER]

export const publicTables = (view: StatisticsView): StatisticsTable[] => Object.values(view.sections).flatMap(s => s?.tables ?? [])

const csvCell = (cell: StatisticsCell) => (cell === null ? '' : cell)

/** One table as CSV: the row's code, its names in both languages, then one field per column; the totals row has the code 'total'. */
export function tableCsv(table: StatisticsTable, bom: boolean): string {
  const header = [table.rowDimension.key, 'label_zh', 'label_en', ...table.columns.map(c => c.key)]
  const rows = table.rows.map(r => [r.key, r.label.zh, r.label.en, ...r.cells.map(csvCell)])
  if (table.totals) rows.push(['total', table.totals.label.zh, table.totals.label.en, ...table.totals.cells.map(csvCell)])
  const csv = toCsv(header, rows)
  return bom ? csv : csv.replace(/^\uFEFF/, '')
}

function tableSchema(table: StatisticsTable) {
  const dim = table.rowDimension
  return {
    fields: [
      { name: dim.key, title: dim.label.en, type: 'string' as const, description: `${dim.label.en} (${dim.label.zh}): the row's code; "total" on the totals row.`, constraints: { required: true } },
      { name: 'label_zh', type: 'string' as const, description: `${dim.label.zh}（中文名称）`, constraints: { required: true } },
      { name: 'label_en', type: 'string' as const, description: `${dim.label.en}, in English`, constraints: { required: true } },
      ...table.columns.map(c => ({
        name: c.key, title: c.label.en,
        type: c.unit === 'count' ? 'integer' as const : 'number' as const,
        description: `${c.label.en} (${c.label.zh}). ${c.unit === 'count'
          ? c.exact ? 'Exact: not about residents, or public on another page already.' : `Protected: each figure is the count plus its cell's fixed change of at most ${MAX_CHANGE} either way; "${SMALL_MARKER}": below 10 after the change (perhaps 0); figures need not add up to their totals; a total that is public elsewhere (the city's places booked, under age groups) is exact.`
          : `${c.exact ? 'Exact' : 'Protected'}: per cent (0–100, one decimal) of ${c.exact ? 'exact counts' : 'the published (changed) counts'}. "${HIDDEN_MARKER}": withheld, it would point at a handful of people; empty: nothing to divide by.`}`,
        constraints: { minimum: 0 },
      })),
    ],
    missingValues: MISSING_VALUES,
    primaryKey: [dim.key],
  }
}

/** The Frictionless Data Package of the year's public tables (https://specs.frictionlessdata.io/data-package/). */
export function dataPackage(view: StatisticsView, origin: string, city: { slug: string, name: { zh: string, en: string } }): DataPackageView {
  const base = `${origin}/api/statistics`
  return {
    profile: 'tabular-data-package',
    name: `${city.slug}-information-consumption-week-${view.year}`,
    id: `${base}/datapackage.json?year=${view.year}`,
    title: `${city.name.en} Information Consumption Experience Week ${view.year}: participation statistics (${city.name.zh}信息消费体验周参与情况统计)`,
    description: `${view.suppression.rule.en}\n\n${DISCLOSURE_METHOD}\n\n${view.suppression.rule.zh}`,
    version: '1.0.0',
    created: view.generatedAt,
    homepage: `${origin}/statistics?year=${view.year}`,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    sources: Object.values(view.sections).filter(s => !!s).map(s => ({ title: `${s!.title.en}: ${s!.source.en}` })),
    keywords: ['information consumption', '信息消费', 'statistics', city.slug],
    resources: publicTables(view).map(t => ({
      profile: 'tabular-data-resource' as const,
      name: t.id,
      path: `${base}/${t.id}.csv?year=${view.year}`,
      title: `${t.title.en} (${t.title.zh})`,
      description: `${t.description.en} ${t.description.zh}`,
      format: 'csv' as const,
      mediatype: 'text/csv' as const,
      encoding: 'utf-8' as const,
      dialect: { delimiter: ',' as const, header: true as const, doubleQuote: true as const },
      schema: tableSchema(t),
    })),
  }
}
