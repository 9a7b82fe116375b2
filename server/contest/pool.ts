import type { H3Event } from 'h3'
import { queryCollection } from '@nuxt/content/server'
import { contentEvent } from '../utils/content'
import type { ContestTopic, KnowledgeQuestionFile } from '../../shared/contest/content'
import { quizBank } from '../quiz/bank'

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

/** Every item a contest may draw: knowledge questions of its topics and, if chosen, the anti-fraud items (judged scam or not). */
export async function contestPool(event: H3Event, pool: { topics: ContestTopic[], withQuizItems: boolean }): Promise<Map<string, PoolItem>> {
  const items = new Map<string, PoolItem>()
  for (const q of await knowledgeQuestions(event)) {
    if (!pool.topics.includes(q.topic)) continue
    items.set(q.id, { view: { id: q.id, kind: 'question', question: q.question, options: q.options }, answer: q.answer, isScam: null, explain: q.explain, topic: q.topic })
  }
  if (pool.withQuizItems) {
    for (const item of (await quizBank(event)).items.values()) {
      items.set(item.id, {
        view: { id: item.id, kind: 'judge', screen: { kind: item.screen.kind, title: item.screen.title, parts: item.screen.parts.map(p => ({ id: p.id, role: p.role, text: p.text })) } },
        answer: null, isScam: item.type !== 'genuine', explain: item.explain, topic: 'quiz',
      })
    }
  }
  return items
}
