import type { Kysely } from 'kysely'
import { pinyin } from 'pinyin-pro'
import type { Database } from '~~/server/database/schema'

const MAX = 50

/** A web address from a Chinese (or any) title: its pinyin without tones, e.g. 手机支付入门 → shou-ji-zhi-fu-ru-men. */
export function slugFromTitle(title: string): string {
  const words = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
  const slug = words.join('-').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  // Cut at a syllable, never inside one.
  const cut = slug.length <= MAX ? slug : slug.slice(0, MAX + 1).replace(/-[^-]*$/, '')
  return cut || 'event'
}

/** The first of `base`, `base-2`, `base-3`… no event of the city has yet (`taken` adds slugs claimed but not yet saved). */
export async function freeEventSlug(db: Kysely<Database>, citySlug: string, base: string, taken: ReadonlySet<string> = new Set()): Promise<string> {
  const rows = await db.selectFrom('events').select('slug').where('city_slug', '=', citySlug)
    .where(eb => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)])).execute()
  const used = new Set([...rows.map(r => r.slug), ...taken])
  if (!used.has(base)) return base
  for (let n = 2; ; n++) {
    if (!used.has(`${base}-${n}`)) return `${base}-${n}`
  }
}
