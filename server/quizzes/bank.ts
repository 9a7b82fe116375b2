import type { H3Event } from 'h3'
import { queryCollection } from '@nuxt/content/server'
import { contentEvent } from '~~/server/utils/content'
import type { QuizFile, QuizItemFile } from '#shared/quizzes/content'
import type { ItemView, QuizCard } from '#shared/quizzes/views'

export interface Bank { items: Map<string, QuizItemFile>, quizzes: QuizFile[] }

async function load(event: H3Event): Promise<Bank> {
  const [items, quizzes] = await Promise.all([queryCollection(contentEvent(event), 'quizItems').all(), queryCollection(contentEvent(event), 'quizzes').all()])
  // @nuxt/content gives every entry its own `id` (the collection and path), so the item's id is read from the file name.
  const withIds = (items as unknown as Array<QuizItemFile & { stem: string }>).map(i => ({ ...i, id: i.stem.split('/').pop()! }))
  return {
    items: new Map(withIds.map(i => [i.id, i])),
    quizzes: (quizzes as unknown as QuizFile[]).map(q => ({ ...q, rule: { ...q.rule, flags: q.rule.flags ?? 0, actions: q.rule.actions ?? 0 } })).sort((a, b) => a.slug.localeCompare(b.slug)),
  }
}

// Content is fixed at build time: read once per process.
let cached: Promise<Bank> | null = null
export function quizBank(event: H3Event): Promise<Bank> {
  if (!cached) {
    cached = load(event)
    cached.catch(() => (cached = null))
  }
  return cached
}

export const quizCardOf = (q: QuizFile): QuizCard => ({ slug: q.slug, title: q.title, summary: q.summary, audiences: q.audiences, items: q.rule.scams + q.rule.genuine })

/** The screen without its keys: no type, no kind, no flags, no answer. */
export const itemViewOf = (item: QuizItemFile): ItemView => ({
  id: item.id,
  screen: { kind: item.screen.kind, title: item.screen.title, parts: item.screen.parts.map(p => ({ id: p.id, role: p.role, text: p.text })) },
})

/** A seeded random source (mulberry32), so a printed sheet can be drawn again the same. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
