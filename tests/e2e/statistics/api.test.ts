import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, inject, it } from 'vitest'
import { z } from 'zod'
import { adminStatisticsView, dataPackageView, statisticsView, type StatisticsTable } from '#shared/statistics/views'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const api = new ApiClient(baseURL)

/**
 * The rules of the published JSON Schemas (https://specs.frictionlessdata.io/schemas/data-package.json,
 * tabular-data-resource.json, table-schema.json, v1) that this package uses, written out.
 */
const NAME = /^([-a-z0-9._/])+$/
const tableSchemaRules = z.object({
  fields: z.array(z.object({
    name: z.string().min(1),
    type: z.enum(['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any']),
    description: z.string().optional(),
    title: z.string().optional(),
    constraints: z.object({ required: z.boolean().optional(), minimum: z.number().optional() }).optional(),
  })).min(1),
  missingValues: z.array(z.string()),
  primaryKey: z.array(z.string()).optional(),
})
const dataPackageRules = z.object({
  profile: z.literal('tabular-data-package'),
  name: z.string().regex(NAME),
  id: z.string().optional(),
  created: z.iso.datetime(),
  licenses: z.array(z.object({ name: z.string().regex(/^([-a-zA-Z0-9._])+$/), path: z.url(), title: z.string().optional() })).min(1),
  resources: z.array(z.object({
    profile: z.literal('tabular-data-resource'),
    name: z.string().regex(NAME),
    path: z.union([z.url(), z.string().regex(/^(?![./~])(?!.*\.\.)[^:]*$/)]),
    encoding: z.string().optional(),
    mediatype: z.string().regex(/^(.+)\/(.+)$/).optional(),
    schema: tableSchemaRules,
  })).min(1),
})

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      }
      else if (ch === '"') quoted = false
      else field += ch
    }
    else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    }
    else field += ch
  }
  if (field || row.length) rows.push([...row, field])
  return rows
}

function checkCsv(csv: string, resource: z.infer<typeof dataPackageView>['resources'][number], table: StatisticsTable, totals = false) {
  const rows = parseCsv(csv)
  const [header, ...body] = rows
  const fields = resource.schema.fields
  expect(header).toEqual(fields.map(f => f.name))
  const keys = new Set<string>()
  for (const row of body) {
    expect(row).toHaveLength(fields.length)
    fields.forEach((f, i) => {
      const v = row[i]!
      if (resource.schema.missingValues.includes(v)) {
        expect(f.constraints?.required, `${resource.name}.${f.name} is required`).not.toBe(true)
        return
      }
      if (f.type === 'integer') expect(v, `${resource.name}.${f.name}`).toMatch(/^\d+$/)
      if (f.type === 'date') expect(v, `${resource.name}.${f.name}`).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      if (f.type === 'date') expect(Number.isNaN(Date.parse(v)), `${resource.name}.${f.name}=${v}`).toBe(false)
      if (f.type === 'number') expect(Number.isFinite(Number(v)) && Number(v) >= 0 && Number(v) <= 100, `${resource.name}.${f.name}=${v}`).toBe(true)
      // Protected counts are at least 10 once published (below that, '<10'); exact columns are public or not about residents, and say so.
      const column = table.columns.find(c => c.key === f.name)
      const exact = column?.exact
      // (A total can be public where its rows are not: the city's places booked, over age groups; and a row
      // can be public in a protected column: a contest's team once its leaderboard is out, listed in exactRows.)
      if (f.type === 'integer' && exact === false && !totals && !column?.exactRows?.includes(row[0]!)) expect(Number(v), `${resource.name}.${f.name}`).toBeGreaterThanOrEqual(10)
      if (exact !== undefined) expect(f.description, `${resource.name}.${f.name}`).toMatch(exact ? /\. Exact/ : /\. Protected/)
    })
    const key = row[0]!
    expect(keys.has(key), `${resource.name}: key ${key} twice`).toBe(false)
    keys.add(key)
  }
}

describe('statistics over HTTP', () => {
  it('returns this year\'s figures, every section a landed domain, counts already protected', async () => {
    const res = await api.get('/api/statistics')
    expect(res.status).toBe(200)
    const view = statisticsView.parse(res.json)
    expect(view.suppression).toMatchObject({ threshold: 10, marker: '<10' })
    expect(view.years[0]).toBe(view.year)
    expect(Object.keys(view.sections)).toEqual(expect.arrayContaining(['events', 'courses', 'quizzes', 'contests', 'cases', 'feedback', 'assisted']))
    // The showcase: this year's demo call has cases in several states, two of them published with votes.
    const byTheme = view.sections.cases!.tables.find(t => t.id === 'cases-by-theme-and-status')!
    expect(byTheme.totals!.cells.at(-1)).toBeGreaterThanOrEqual(6)
    expect(view.sections.cases!.figures.find(f => f.id === 'cases_published')?.value).toBeGreaterThanOrEqual(2)
    const tables = Object.values(view.sections).flatMap(s => s?.tables ?? [])
    for (const t of tables) for (const r of t.rows) expect(r.cells).toHaveLength(t.columns.length)
    // The demo: places booked by district are exact (the events show them); a protected column shows "<10" somewhere.
    const byDistrict = view.sections.events.tables.find(t => t.id === 'events-by-district')!
    const columnOf = (key: string) => byDistrict.columns.find(c => c.key === key)!
    expect([columnOf('places_booked').exact, columnOf('bookings').exact, columnOf('attended').exact]).toEqual([true, false, false])
    expect(byDistrict.rows.some(r => r.cells.includes('<10'))).toBe(true)
    expect(view.suppression.maxChange).toBe(3)
    // Held demo events have check-ins: attendance is counted (shown, or '<10').
    expect(view.sections.events.figures.find(f => f.id === 'attended')?.value).not.toBe(0)
  })

  it('refuses a bad year and has nothing for a year without records', async () => {
    expect((await api.get('/api/statistics?year=abc')).status).toBe(400)
    expect((await api.get('/api/statistics?year=2001')).status).toBe(404)
    expect((await api.get('/api/statistics/nothing.csv')).status).toBe(404)
    expect((await api.get('/api/statistics/BAD.csv')).status).toBe(400)
  })

  it('publishes a valid data package whose every CSV matches its Table Schema', async () => {
    const view = statisticsView.parse((await api.get('/api/statistics')).json)
    const res = await api.get(`/api/statistics/datapackage.json?year=${view.year}`)
    expect(res.status).toBe(200)
    const pkg = dataPackageView.parse(res.json)
    dataPackageRules.parse(pkg)
    expect(pkg.licenses[0]!.name).toBe('CC-BY-4.0')
    const tables = Object.values(view.sections).flatMap(s => s?.tables ?? []) as StatisticsTable[]
    // Each table, then its totals in a resource of their own.
    expect(pkg.resources.map(r => r.name)).toEqual(tables.flatMap(t => [t.id, ...(t.totals ? [`${t.id}-totals`] : [])]))
    for (const resource of pkg.resources) {
      expect(resource.schema.missingValues).toEqual(expect.arrayContaining(['<10']))
      const path = new URL(resource.path)
      const csv = await api.get(`${path.pathname}${path.search}`)
      expect(csv.status).toBe(200)
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
      expect(csv.text.charCodeAt(0)).not.toBe(0xFEFF)
      const totals = resource.name.endsWith('-totals')
      const table = tables.find(t => t.id === (totals ? resource.name.slice(0, -'-totals'.length) : resource.name))!
      checkCsv(csv.text, resource, table, totals)
      if (!totals) expect(parseCsv(csv.text).slice(1).map(r => r[0])).not.toContain('total')
      if (totals) expect(parseCsv(csv.text).slice(1).map(r => r.slice(2))).toEqual([table.totals!.cells.map(c => (c === null ? '' : String(c)))])
    }
    // Day columns are dates.
    const dayResources = pkg.resources.filter(r => r.schema.fields[0]!.name === 'day')
    expect(dayResources.length).toBeGreaterThan(0)
    for (const r of dayResources) expect(r.schema.fields[0]!.type).toBe('date')
    const withBom = await fetch(`${baseURL}/api/statistics/events-by-district.csv?bom=1`)
    expect(new Uint8Array(await withBom.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xEF, 0xBB, 0xBF]))
  })

  it('offers the package as one zip: datapackage.json with relative paths and the same CSVs', async () => {
    const view = statisticsView.parse((await api.get('/api/statistics')).json)
    const res = await fetch(`${baseURL}/api/statistics/datapackage.zip?year=${view.year}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    const entries = unzipSync(new Uint8Array(await res.arrayBuffer()))
    const pkg = dataPackageView.parse(JSON.parse(strFromU8(entries['datapackage.json']!)))
    dataPackageRules.parse(pkg)
    const online = dataPackageView.parse((await api.get(`/api/statistics/datapackage.json?year=${view.year}`)).json)
    expect(pkg.resources.map(r => r.name)).toEqual(online.resources.map(r => r.name))
    expect(Object.keys(entries).sort()).toEqual(['datapackage.json', ...pkg.resources.map(r => r.path)].sort())
    for (const resource of pkg.resources) {
      expect(resource.path).toBe(`${resource.name}.csv`)
      expect(strFromU8(entries[resource.path]!)).toBe((await api.get(`/api/statistics/${resource.name}.csv?year=${view.year}`)).text)
    }
  })

  it('gives admins the same protected figures plus operations, and no one else', async () => {
    expect((await api.get('/api/admin/statistics')).status).toBe(401)
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    expect((await organizer.get('/api/admin/statistics')).status).toBe(403)
    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    const res = await admin.get('/api/admin/statistics')
    expect(res.status).toBe(200)
    const view = adminStatisticsView.parse(res.json)
    const pub = statisticsView.parse((await api.get('/api/statistics')).json)
    expect(view.sections.events.tables).toEqual(pub.sections.events.tables)
    expect(view.operational.tables.map(t => t.id)).toEqual(['operations-nearly-full', 'operations-many-no-shows', 'operations-messages'])
  })
})
