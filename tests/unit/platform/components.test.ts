import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'

const app = join(import.meta.dirname, '../../../app')
const files = (readdirSync(app, { recursive: true, encoding: 'utf8' })).filter(f => f.endsWith('.vue'))
const components = new Set(files.filter(f => f.startsWith('components')).map(f => basename(f, '.vue')))
const builtIn = new Set(['NuxtLink', 'NuxtPage', 'NuxtLayout', 'ClientOnly', 'Teleport', 'Transition', 'KeepAlive', 'Suspense', 'Component'])

/** PascalCase tags a template uses: an unknown one renders as an empty custom element, silently. */
function tagsOf(source: string): string[] {
  const template = source.slice(source.indexOf('<template>'))
  return [...template.matchAll(/<(?:Lazy)?([A-Z][A-Za-z0-9]+)[\s>/]/g)].map(m => m[1]!)
}

describe('components in templates', () => {
  it('every component a template names exists (names come from file names)', () => {
    const unknown = files.flatMap((f) => {
      const source = readFileSync(join(app, f), 'utf8')
      // Components a file imports itself, e.g. `import { TranslationComponent as I18nT } from 'i18next-vue'`.
      const imported = new Set([...source.matchAll(/^import ([^;\n]*) from /gm)].flatMap(m => m[1]!.split(/\W+/)))
      return tagsOf(source).filter(tag => !components.has(tag) && !builtIn.has(tag) && !imported.has(tag)).map(tag => `${f}: <${tag}>`)
    })
    expect(files.length).toBeGreaterThan(50)
    expect(unknown).toEqual([])
  })

  it('would notice a tag with no component (control)', () => {
    expect(tagsOf('<template><div><NoSuchThing :a="1" /><LazyEventCard hydrate-never /></div></template>')).toEqual(['NoSuchThing', 'EventCard'])
    expect(components.has('NoSuchThing')).toBe(false)
  })
})
