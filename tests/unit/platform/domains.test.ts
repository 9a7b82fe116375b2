import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { namespaces } from '#shared/i18n/namespaces'

const root = join(import.meta.dirname, '../../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const doc = read('ARCHITECTURE.md')

interface DomainRow { name: string, purgers: string[], statistics: string[], paths: string[], namespaces: string[] }

/** The "Adding a domain" table: one row per domain, `none (why)` where a domain has no such registration. */
function domainRows(markdown: string): DomainRow[] {
  const section = markdown.slice(markdown.indexOf('## Adding a domain'), markdown.indexOf('## A request'))
  const codes = (cell: string) => cell.trim().startsWith('none') ? [] : [...cell.matchAll(/`([^`]+)`/g)].map(m => m[1]!)
  return section.split('\n').filter(line => /^\| [a-z-]+ \|/.test(line)).map((line) => {
    const [name, purgers, statistics, paths, spaces] = line.split('|').slice(1, 6).map(c => c.trim())
    return { name: name!, purgers: codes(purgers!), statistics: codes(statistics!), paths: codes(paths!), namespaces: codes(spaces!) }
  })
}

/** The platform folders the section names after "Platform folders": `<area>` and its comma-separated names. */
function platformFolders(markdown: string): Record<string, string[]> {
  const text = markdown.slice(markdown.indexOf('Platform folders (not domains):')).split('\n\n')[0]!.replace(/\s+/g, ' ')
  const out: Record<string, string[]> = {}
  for (const m of text.matchAll(/`([a-z/]+)\/` ([^;.]+)/g)) out[m[1]!] = m[2]!.split(',').map(n => n.trim().split(' ')[0]!)
  return out
}

const folders = (dir: string) => readdirSync(join(root, dir)).filter(n => statSync(join(root, dir, n)).isDirectory())
const rows = domainRows(doc)
const platform = platformFolders(doc)
const areas = ['server', 'shared', 'app/components', 'app/pages']

describe('every domain folder has its registrations (ARCHITECTURE.md, Adding a domain)', () => {
  it('reads the table and the platform list', () => {
    expect(rows.map(r => r.name)).toContain('cases')
    expect(Object.keys(platform).sort()).toEqual([...areas].sort())
  })

  it('knows every folder of server/, shared/, app/components/ and app/pages/ as a domain or platform', () => {
    const domains = new Set(rows.map(r => r.name))
    const unknown = areas.flatMap(area => folders(area).filter(f => !domains.has(f) && !platform[area]!.includes(f)).map(f => `${area}/${f}/`))
    expect(unknown).toEqual([])
  })

  it('registers each purger named in server/privacy/purgers.ts, and nothing of a domain that says none', () => {
    const purgers = read('server/privacy/purgers.ts')
    for (const row of rows) {
      for (const file of row.purgers) expect(purgers, row.name).toContain(`'~~/${file.replace(/\.ts$/, '')}'`)
      if (!row.purgers.length) expect(purgers, row.name).not.toContain(`'~~/server/${row.name}/`)
    }
  })

  it('registers each statistics section in server/statistics/registry.ts', () => {
    const registry = read('server/statistics/registry.ts')
    for (const row of rows) {
      for (const file of row.statistics) expect(registry, row.name).toContain(`'~~/${file.replace(/\.ts$/, '')}'`)
      if (!row.statistics.length) expect(registry, row.name).not.toContain(`'~~/server/${row.name}/`)
    }
  })

  it('describes each domain\'s API paths in the OpenAPI document', () => {
    const openapi = readdirSync(join(root, 'server/openapi'), { recursive: true }).filter(f => String(f).endsWith('.ts')).map(f => read(`server/openapi/${f}`)).join('\n')
    for (const row of rows) for (const path of row.paths) expect(openapi, `${row.name}: ${path}`).toMatch(new RegExp(`'${path.replace(/[/-]/g, '\\$&')}[/'.]`))
  })

  it('lists each domain\'s namespaces in shared/i18n/namespaces.ts', () => {
    for (const row of rows) for (const ns of row.namespaces) expect(namespaces, row.name).toContain(ns)
  })

  it('would notice a domain folder without a row (control)', () => {
    const without = domainRows(doc.replace(/^\| contests \|.*$/m, ''))
    expect(without.map(r => r.name)).not.toContain('contests')
    expect(folders('server')).toContain('contests')
  })
})
