import type { DataPackageView, StatisticsCell, StatisticsTable, StatisticsView } from '#shared/statistics/views'
import { HIDDEN_MARKER, MAX_CHANGE, SMALL_MARKER } from '#shared/statistics/views'
import { DISCLOSURE_METHOD } from '#shared/statistics/perturbation'
import { zipSync, strToU8 } from 'fflate'
import { toCsv } from '~~/server/utils/csv'
import type { LocalizedText } from '#shared/primitives'

/** The values the CSVs use for cells that are not numbers (Table Schema `missingValues`). */
export const MISSING_VALUES = ['', SMALL_MARKER, HIDDEN_MARKER]

export const publicTables = (view: StatisticsView): StatisticsTable[] => Object.values(view.sections).flatMap(s => s?.tables ?? [])

/** The suffix of a table's totals: its own resource and CSV (`<table>-totals.csv`), so the data rows are all of one kind. */
export const TOTALS_SUFFIX = '-totals'

/** One file of the data package: a table's rows, or its totals. */
export interface OpenDataFile { table: StatisticsTable, totals: boolean, name: string }

/** Every file of the package in order: each table, then its totals when it has them. */
export const openDataFiles = (view: StatisticsView): OpenDataFile[] => publicTables(view).flatMap(table => [
  { table, totals: false, name: table.id },
  ...(table.totals ? [{ table, totals: true, name: `${table.id}${TOTALS_SUFFIX}` }] : []),
])

const csvCell = (cell: StatisticsCell) => (cell === null ? '' : cell)

/** Rows keyed by a calendar day (`day`) are typed as dates: their codes are YYYY-MM-DD. */
const isDayDimension = (table: StatisticsTable) => table.rowDimension.key === 'day'

/**
 * One file as CSV. A table: the row's code, its names in both languages, then one field per column.
 * Its totals: the totals' names in both languages, then the same columns, on one row.
 */
export function tableCsv(file: OpenDataFile | StatisticsTable, bom: boolean): string {
  const { table, totals } = 'table' in file ? file : { table: file, totals: false }
  const header = [...(totals ? [] : [table.rowDimension.key]), 'label_zh', 'label_en', ...table.columns.map(c => c.key)]
  const rows = totals
    ? (table.totals ? [[table.totals.label.zh, table.totals.label.en, ...table.totals.cells.map(csvCell)]] : [])
    : table.rows.map(r => [r.key, r.label.zh, r.label.en, ...r.cells.map(csvCell)])
  const csv = toCsv(header, rows)
  return bom ? csv : csv.replace(/^\uFEFF/, '')
}

function tableSchema({ table, totals }: OpenDataFile) {
  const dim = table.rowDimension
  const day = isDayDimension(table)
  return {
    fields: [
      ...(totals
        ? []
        : [{ name: dim.key, title: dim.label.en, type: day ? 'date' as const : 'string' as const, description: `${dim.label.en} (${dim.label.zh}): the row's ${day ? 'day (YYYY-MM-DD, Beijing time)' : 'code'}.`, constraints: { required: true } }]),
      { name: 'label_zh', type: 'string' as const, description: totals ? '合计的中文名称' : `${dim.label.zh}（中文名称）`, constraints: { required: true } },
      { name: 'label_en', type: 'string' as const, description: totals ? 'The totals\' name, in English' : `${dim.label.en}, in English`, constraints: { required: true } },
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
    primaryKey: [totals ? 'label_en' : dim.key],
  }
}

/**
 * The Frictionless Data Package of the year's public tables (https://specs.frictionlessdata.io/data-package/):
 * each table a resource, its totals another (`<table>-totals`). Paths are absolute URLs, or, for the zip,
 * relative (`<table>.csv` beside datapackage.json).
 */
export function dataPackage(view: StatisticsView, origin: string, city: { slug: string, name: LocalizedText }, paths: 'absolute' | 'relative' = 'absolute'): DataPackageView {
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
    resources: openDataFiles(view).map(f => ({
      profile: 'tabular-data-resource' as const,
      name: f.name,
      path: paths === 'relative' ? `${f.name}.csv` : `${base}/${f.name}.csv?year=${view.year}`,
      title: f.totals ? `${f.table.title.en}: totals (${f.table.title.zh}：合计)` : `${f.table.title.en} (${f.table.title.zh})`,
      description: f.totals
        ? `The totals of ${f.name.slice(0, -TOTALS_SUFFIX.length)}: each a figure of its own (protected figures need not equal the sum of the rows). ${f.table.description.en} ${f.table.description.zh}`
        : `${f.table.description.en} ${f.table.description.zh}`,
      format: 'csv' as const,
      mediatype: 'text/csv' as const,
      encoding: 'utf-8' as const,
      dialect: { delimiter: ',' as const, header: true as const, doubleQuote: true as const },
      schema: tableSchema(f),
    })),
  }
}

/**
 * The package as one zip: datapackage.json at its root with relative paths, and every CSV beside it
 * (UTF-8, no BOM), as Frictionless tools open a zipped package.
 */
export function dataPackageZip(view: StatisticsView, origin: string, city: { slug: string, name: LocalizedText }): Uint8Array {
  const pkg = dataPackage(view, origin, city, 'relative')
  // Every entry carries the snapshot's time, so the same figures make the same bytes.
  const mtime = new Date(view.generatedAt)
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {
    'datapackage.json': [strToU8(`${JSON.stringify(pkg, null, 2)}\n`), { mtime }],
  }
  for (const f of openDataFiles(view)) files[`${f.name}.csv`] = [strToU8(tableCsv(f, false)), { mtime }]
  return zipSync(files, { level: 6 })
}
