import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

export interface RouteFile {
  file: string
  method: string
  /** The URL with each [param] replaced by an example value. */
  path: string
}

const root = join(import.meta.dirname, '../../server/api')
const example = (param: string) => (param === 'id' ? '00000000-0000-4000-8000-000000000000' : 'example')

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
}

/** Every API handler file, as method and URL: the list the access and junk-input tests go through. */
export function apiRoutes(): RouteFile[] {
  return walk(root).filter(f => f.endsWith('.ts')).map((full) => {
    const file = relative(root, full)
    const match = /^(.*?)(?:\.(get|post|put|patch|delete))?\.ts$/.exec(file)!
    const segments = match[1]!.split('/').filter(s => s !== 'index')
    const path = '/api/' + segments.map(s => s.replace(/^\[(\w+)\]$/, (_, p: string) => example(p)).replace(/\[(\w+)\]/g, (_, p: string) => example(p))).join('/')
    return { file, method: (match[2] ?? 'get').toUpperCase(), path: path.replace(/\/$/, '') }
  })
}

export const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
