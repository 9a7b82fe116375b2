import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { portalConfig } from '~~/server/utils/config'

const root = join(import.meta.dirname, '../../..')
const read = (file: string) => readFileSync(join(root, file), 'utf8')
const names = (text: string, pattern: RegExp) => new Set([...text.matchAll(pattern)].map(m => m[1]!))

describe('configuration', () => {
  const readme = read('README.md')
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5))
  const documented = names(table, /`([A-Z][A-Z0-9_]+)`/g)
  const example = names(read('.env.example'), /^#?\s*([A-Z][A-Z0-9_]+)=/gm)
  const readByServer = names(read('server/utils/config.ts'), /env\.([A-Z][A-Z0-9_]+)/g)

  it('reads the environment in one module only', () => {
    const sources = ['server', 'shared', 'app'].flatMap(dir => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map(f => join(dir, f)))
      .filter(f => /\.(ts|vue)$/.test(f) && f !== join('server', 'utils', 'config.ts'))
    const readers = sources.filter(f => /process\.env/.test(read(f)))
    expect(sources.length).toBeGreaterThan(50)
    expect(readers).toEqual([])
    expect(readByServer.size).toBeGreaterThan(10)
  })

  it('documents every variable the server reads, in the README and in .env.example', () => {
    for (const name of readByServer) {
      if (name === 'NODE_ENV' || name === 'NITRO_PORT') continue
      expect(documented, `README configuration table lacks ${name}`).toContain(name)
      expect(example, `.env.example lacks ${name}`).toContain(name)
    }
  })

  it('lists in .env.example every variable of the README table', () => {
    expect([...documented].filter(name => !example.has(name))).toEqual([])
  })

  it('falls back to the documented defaults', () => {
    const config = portalConfig({})
    expect(config).toMatchObject({ city: 'tianjin', retentionDays: 30, pageCacheSeconds: 10, rateScale: 1, notifyProvider: 'record', trustProxy: false, port: 3000 })
    expect(portalConfig({ PORTAL_PAGE_CACHE_SECONDS: '0', PORTAL_RATE_SCALE: '100', CITY: ' Huludao ' })).toMatchObject({ pageCacheSeconds: 0, rateScale: 100, city: 'huludao' })
  })
})
