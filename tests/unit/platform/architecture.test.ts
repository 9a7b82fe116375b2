import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { namespaces } from '#shared/i18n/namespaces'

const root = join(import.meta.dirname, '../../..')
const doc = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8')

/** The paths the map names: the first word of each line of the "The house" block. */
function mappedPaths(markdown: string): string[] {
  const start = markdown.indexOf('## The house')
  const block = /```text\n([\s\S]*?)```/.exec(markdown.slice(start))?.[1] ?? ''
  return block.split('\n').map(line => /^(\S+)/.exec(line)?.[1]).filter((p): p is string => !!p)
}

/** Folders of the tree down to two levels below each top folder. */
function folders(top: string): string[] {
  const out: string[] = []
  const walk = (dir: string, depth: number) => {
    for (const name of readdirSync(join(root, dir))) {
      const path = `${dir}/${name}`
      if (!statSync(join(root, path)).isDirectory()) continue
      out.push(`${path}/`)
      if (depth < 2) walk(path, depth + 1)
    }
  }
  walk(top, 1)
  return out
}

describe('ARCHITECTURE.md, the map of the house', () => {
  const mapped = mappedPaths(doc)

  it('names only paths that exist', () => {
    expect(mapped.length).toBeGreaterThan(40)
    expect(mapped.filter(p => !existsSync(join(root, p)))).toEqual([])
  })

  it('names every folder of app/, server/, shared/ and tests/ down to two levels', () => {
    const actual = ['app', 'server', 'shared', 'tests'].flatMap(folders)
    expect(actual.filter(f => !mapped.includes(f))).toEqual([])
  })

  it('would notice a missing folder (control)', () => {
    const withoutEvents = mappedPaths(doc.replace(/^server\/events\/.*$/m, ''))
    expect(withoutEvents).not.toContain('server/events/')
    expect(mapped).toContain('server/events/')
  })
})

describe('ARCHITECTURE.md, its lists', () => {
  it('names every i18n namespace, in the order of shared/i18n/namespaces.ts', () => {
    const line = /^shared\/i18n\/zh-CN\/\s+one dictionary per namespace: (.*)$/m.exec(doc)?.[1] ?? ''
    expect(line.split(',').map(n => n.trim())).toEqual([...namespaces])
  })

  it('names every statistics section server/statistics/registry.ts registers, and only those', () => {
    const registry = readFileSync(join(root, 'server/statistics/registry.ts'), 'utf8')
    const registered = [...registry.matchAll(/from '~~\/(server\/[a-z-]+\/[a-z-]+)'/g)].map(m => `${m[1]}.ts`).sort()
    const section = doc.slice(doc.indexOf('## Statistics'), doc.indexOf('\n## ', doc.indexOf('## Statistics') + 3))
    const named = [...new Set([...section.matchAll(/`(server\/(?!statistics\/)[a-z-]+\/[a-z-]*statistics\.ts)`/g)].map(m => m[1]!))].sort()
    expect(registered.length).toBeGreaterThan(3)
    expect(named).toEqual(registered)
  })
})
