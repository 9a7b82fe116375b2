// test-clock: the dates below are row codes and a snapshot time given to the package as they are; nothing reads the clock.
import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { dataPackage, dataPackageZip, openDataFiles, tableCsv } from '~~/server/statistics/open-data'
import type { StatisticsTable, StatisticsView } from '#shared/statistics/views'

const l = (zh: string, en: string) => ({ zh, en })
const byDistrict: StatisticsTable = {
  id: 'events-by-district',
  title: l('各区活动', 'Events by district'),
  description: l('说明', 'About'),
  rowDimension: { key: 'district', label: l('区', 'District') },
  columnDimension: { key: 'measure', label: l('指标', 'Measure') },
  columns: [{ key: 'events', label: l('活动', 'Events'), unit: 'count', exact: true }, { key: 'bookings', label: l('报名', 'Bookings'), unit: 'count', exact: false }],
  rows: [{ key: 'heping', label: l('和平区', 'Heping'), cells: [12, 40] }, { key: 'dongli', label: l('东丽区', 'Dongli'), cells: [3, '<10'] }],
  totals: { label: l('合计', 'Total'), cells: [15, 47] },
  rowTotal: null,
  chart: { kind: 'bar', column: 'events' },
}
const byDay: StatisticsTable = {
  ...byDistrict,
  id: 'events-by-day',
  rowDimension: { key: 'day', label: l('日期', 'Day') },
  rows: [{ key: '2026-03-02', label: l('2026-03-02', '2026-03-02'), cells: [5, 20] }, { key: '2026-03-03', label: l('2026-03-03', '2026-03-03'), cells: [10, 27] }],
}
const byAudience: StatisticsTable = { ...byDistrict, id: 'events-by-audience', rowDimension: { key: 'audience', label: l('对象', 'Audience') }, totals: null }
const view = {
  generatedAt: '2026-03-04T00:00:00.000Z',
  suppression: { threshold: 10, marker: '<10', hiddenMarker: 'c', maxChange: 3, rule: l('规则', 'The rule') },
  year: 2026,
  years: [2026],
  period: { from: '2026-01-01', to: '2026-12-31', week: null },
  sections: { events: { title: l('活动', 'Events'), headline: null, source: l('报名', 'Bookings'), figures: [], tables: [byDistrict, byDay, byAudience] } },
} as StatisticsView
const city = { slug: 'tianjin', name: l('天津市', 'Tianjin') }
const rows = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data

describe('the open data package', () => {
  it('keeps totals out of the data rows, in a table of their own', () => {
    expect(openDataFiles(view).map(f => f.name)).toEqual(['events-by-district', 'events-by-district-totals', 'events-by-day', 'events-by-day-totals', 'events-by-audience'])
    const [data, totals] = openDataFiles(view)
    expect(rows(tableCsv(data!, false))).toEqual([['district', 'label_zh', 'label_en', 'events', 'bookings'], ['heping', '和平区', 'Heping', '12', '40'], ['dongli', '东丽区', 'Dongli', '3', '<10']])
    expect(rows(tableCsv(totals!, false))).toEqual([['label_zh', 'label_en', 'events', 'bookings'], ['合计', 'Total', '15', '47']])
    // The control: no row of a data table is a total.
    for (const f of openDataFiles(view).filter(f => !f.totals)) expect(rows(tableCsv(f, false)).slice(1).map(r => r[0])).not.toContain('total')
  })

  it('types day columns as dates, and every value of them is one', () => {
    const pkg = dataPackage(view, 'https://portal.example.gov.cn', city)
    const day = pkg.resources.find(r => r.name === 'events-by-day')!
    expect(day.schema.fields[0]).toMatchObject({ name: 'day', type: 'date' })
    for (const r of rows(tableCsv(openDataFiles(view)[2]!, false)).slice(1)) expect(r[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(pkg.resources.find(r => r.name === 'events-by-district')!.schema.fields[0]).toMatchObject({ name: 'district', type: 'string' })
    const totals = pkg.resources.find(r => r.name === 'events-by-day-totals')!
    expect(totals.schema.fields.map(f => f.name)).toEqual(['label_zh', 'label_en', 'events', 'bookings'])
    expect(totals.schema.primaryKey).toEqual(['label_en'])
    expect(totals.path).toBe('https://portal.example.gov.cn/api/statistics/events-by-day-totals.csv?year=2026')
  })

  it('zips datapackage.json with relative paths and every CSV beside it', () => {
    const zip = dataPackageZip(view, 'https://portal.example.gov.cn', city)
    const entries = unzipSync(zip)
    expect(Object.keys(entries).sort()).toEqual(['datapackage.json', ...openDataFiles(view).map(f => `${f.name}.csv`)].sort())
    const pkg = JSON.parse(strFromU8(entries['datapackage.json']!))
    for (const resource of pkg.resources) {
      // Relative, inside the zip: no scheme, no leading slash or dot, no way up.
      expect(resource.path).toMatch(/^(?![./~])(?!.*\.\.)[^:]*$/)
      const csv = strFromU8(entries[resource.path]!)
      expect(csv.charCodeAt(0)).not.toBe(0xFEFF)
      expect(rows(csv)[0]).toEqual(resource.schema.fields.map((f: { name: string }) => f.name))
    }
    // The same figures make the same bytes.
    expect(dataPackageZip(view, 'https://portal.example.gov.cn', city)).toEqual(zip)
  })
})
