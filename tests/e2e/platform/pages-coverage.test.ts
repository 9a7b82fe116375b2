import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from '~~/tests/support/server'
import { pagePaths, pages } from '../pages'

const pagesDir = join(root, 'app/pages')

/** Every .vue file under app/pages/, relative to it, with forward slashes. */
function pageFiles(dir = pagesDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) return pageFiles(full)
    return entry.name.endsWith('.vue') ? [relative(pagesDir, full).split(sep).join('/')] : []
  })
}

/**
 * The route pattern of a page file as a regular expression over the path part
 * of a URL: `index.vue` is its folder, `[id]` matches one segment, `[[id]]` an
 * optional one, `[...slug]` one or more.
 */
function routePattern(file: string): RegExp {
  const segments = file.replace(/\.vue$/, '').split('/')
  if (segments.at(-1) === 'index') segments.pop()
  let source = ''
  for (const seg of segments) {
    if (/^\[\.\.\.[^\]]+\]$/.test(seg)) source += '(?:/[^/]+)+'
    else if (/^\[\[[^\]]+\]\]$/.test(seg)) source += '(?:/[^/]+)?'
    else source += '/' + seg.split(/(\[[^\]]+\])/).filter(Boolean)
      .map(part => (/^\[[^\]]+\]$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|\\]/g, '\\$&')))
      .join('')
  }
  return new RegExp(`^${source || '/'}/?$`)
}

const pathOnly = (path: string) => new URL(path, 'http://x').pathname

describe('pages checked by the browser suite', () => {
  const files = pageFiles()

  it('finds the page files', () => {
    expect(files).toContain('index.vue')
    expect(files.length).toBeGreaterThanOrEqual(3)
  })

  it.each(files)('app/pages/%s has an example in tests/e2e/pages.ts', (file) => {
    const pattern = routePattern(file)
    const examples = pagePaths.filter(p => pattern.test(pathOnly(p)))
    expect(examples, `add a path for app/pages/${file} (${pattern}) to tests/e2e/pages.ts`).not.toEqual([])
  })

  it('checks the 404 page', () => {
    expect(pages.some(p => p.status === 404)).toBe(true)
  })

  it('maps file names to routes the way Nuxt does', () => {
    expect(routePattern('index.vue').test('/')).toBe(true)
    expect(routePattern('venues/index.vue').test('/venues')).toBe(true)
    expect(routePattern('venues/index.vue').test('/venues/x')).toBe(false)
    expect(routePattern('about.vue').test('/about')).toBe(true)
    expect(routePattern('venues/[code].vue').test('/venues/abc')).toBe(true)
    expect(routePattern('venues/[code].vue').test('/venues')).toBe(false)
    expect(routePattern('[...slug].vue').test('/a/b')).toBe(true)
    expect(routePattern('news/[[page]].vue').test('/news')).toBe(true)
  })
})
