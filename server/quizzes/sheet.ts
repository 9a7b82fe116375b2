import { randomInt } from 'node:crypto'
import type { QuizFile } from '#shared/quizzes/content'
import { drawItems } from '#shared/quizzes/sampling'
import type { QuizSheet } from '#shared/quizzes/views'
import { itemViewOf, quizCardOf, seededRandom, type Bank } from './bank'

/** A printable sheet: questions and, on their own page, answers and explanations. The seed draws the same items again. */
export function quizSheet(bank: Bank, quiz: QuizFile, seed = randomInt(1, 2_147_483_646)): QuizSheet {
  const all = [...bank.items.values()].map(i => ({ id: i.id, type: i.type, lookalike: i.lookalike, kind: i.kind }))
  const items = drawItems(all, quiz.rule, seededRandom(seed)).map(d => bank.items.get(d.id)!)
  return {
    quiz: quizCardOf(quiz),
    seed,
    items: items.map(item => ({
      ...itemViewOf(item),
      isScam: item.type !== 'genuine',
      flags: item.screen.parts.filter(p => p.flag).map(p => ({ part: p.id, name: p.flag! })),
      question: item.question ?? null,
      options: item.options?.map(o => o.text) ?? [],
      answer: item.answer ?? null,
      explain: item.explain,
      todo: item.todo,
    })),
  }
}
