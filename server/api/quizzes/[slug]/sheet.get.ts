import { quizParams, sheetQuery } from '#shared/quizzes/requests'
import type { QuizSheet } from '#shared/quizzes/views'
import { quizBank } from '~~/server/quizzes/bank'
import { quizSheet } from '~~/server/quizzes/sheet'

/** The paper version (questions, then answers): for classes and village stations without screens. */
export default defineEventHandler(async (event): Promise<QuizSheet> => {
  const { slug } = await validParams(event, quizParams)
  const { seed } = await validQuery(event, sheetQuery)
  const bank = await quizBank(event)
  const quiz = bank.quizzes.find(q => q.slug === slug)
  if (!quiz) throw createError({ statusCode: 404, message: 'No such quiz' })
  if (seed) cachePublic(event)
  else setResponseHeader(event, 'cache-control', 'no-store')
  return quizSheet(bank, quiz, seed)
})
