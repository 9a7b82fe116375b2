import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

export interface RouteFile {
  file: string
  method: string
  /** The URL with each [param] replaced by an example value. */
  path: string
  /** The URL as the file tree spells it, with its [params] (`/api/events/[slug]/calendar.ics`). */
  pattern: string
  /** The names of its [params], in order. */
  params: string[]
}

const root = join(import.meta.dirname, '../../server/api')
export const example = (param: string) => (param === 'id' ? '00000000-0000-4000-8000-000000000000' : 'example')

/** A route's pattern with each [param] replaced by `value(param)`, inserted as it is (encode it first if it should be). */
export const fillPath = (pattern: string, value: (param: string) => string) => pattern.replace(/\[(\w+)\]/g, (_, p: string) => value(p))

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
}

/** Every API handler file, as method and URL: the list the access and junk-input tests go through. */
export function apiRoutes(): RouteFile[] {
  return walk(root).filter(f => f.endsWith('.ts')).map((full) => {
    const file = relative(root, full)
    const match = /^(.*?)(?:\.(get|post|put|patch|delete))?\.ts$/.exec(file)!
    const segments = match[1]!.split('/').filter(s => s !== 'index')
    const pattern = ('/api/' + segments.join('/')).replace(/\/$/, '')
    const params = [...pattern.matchAll(/\[(\w+)\]/g)].map(m => m[1]!)
    return { file, method: (match[2] ?? 'get').toUpperCase(), path: fillPath(pattern, example), pattern, params }
  })
}

export const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
