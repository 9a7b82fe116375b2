import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { defineNuxtModule } from 'nuxt/kit'

function vueFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? vueFiles(join(dir, e.name)) : e.name.endsWith('.vue') ? [join(dir, e.name)] : []))
}

/**
 * A component rendered only with `hydrate-never` runs no code in the browser, yet the renderer
 * would still preload its chunk on every page that shows it. Its chunk is fetched only if the
 * page re-renders it (a language switch), so it is neither preloaded nor prefetched.
 * A component used anywhere without `hydrate-never` keeps its preload.
 */
export default defineNuxtModule({
  meta: { name: 'never-hydrated' },
  setup(_options, nuxt) {
    const sources = vueFiles(join(nuxt.options.srcDir)).map(f => readFileSync(f, 'utf8'))
    const names = new Set<string>()
    const hydratedSomewhere = new Set<string>()
    for (const source of sources) {
      for (const [tag, lazy, name] of source.matchAll(/<(Lazy)?([A-Z][A-Za-z0-9]+)\b[^>]*>/g).map(m => [m[0], m[1], m[2]!] as const)) {
        if (lazy && /\bhydrate-never\b/.test(tag)) names.add(name)
        else hydratedSomewhere.add(name)
      }
    }
    nuxt.hook('build:manifest', (manifest) => {
      for (const [id, chunk] of Object.entries(manifest)) {
        const name = basename(id, '.vue')
        if (id.endsWith('.vue') && names.has(name) && !hydratedSomewhere.has(name)) {
          chunk.prefetch = false
          chunk.preload = false
        }
      }
    })
  },
})
