import type { H3Event } from 'h3'
import { queryCollection } from '@nuxt/content/server'
import { contentEvent } from '~~/server/utils/content'
import type { ContestTopic, KnowledgeQuestionFile } from '#shared/contests/content'

import type { PoolItem } from './pool-item'

export type { PoolItem }

let questions: Promise<KnowledgeQuestionFile[]> | null = null
function knowledgeQuestions(event: H3Event) {
  if (!questions) {
    questions = queryCollection(contentEvent(event), 'contestQuestions').all().then(rows => (rows as unknown as Array<KnowledgeQuestionFile & { stem: string }>)
      .map(q => ({ ...q, id: q.stem.split('/').pop()! })))
    questions.catch(() => (questions = null))
  }
  return questions
}

/**
 * Every item a contest may draw: the contest's own knowledge questions of its topics, and nothing else.
 * The anti-fraud quiz's items are not drawn: the quiz tells their answers by design (after each answer,
 * and on its printable sheet), so they would reach an entry with their key already public.
 */
export async function contestPool(event: H3Event, pool: { topics: ContestTopic[] }): Promise<Map<string, PoolItem>> {
  const items = new Map<string, PoolItem>()
  for (const q of await knowledgeQuestions(event)) {
    if (!pool.topics.includes(q.topic)) continue
    items.set(q.id, { view: { id: q.id, kind: 'question', question: q.question, options: q.options }, answer: q.answer, explain: q.explain, topic: q.topic })
  }
  return items
}
