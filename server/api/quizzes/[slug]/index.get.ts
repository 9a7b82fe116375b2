import { quizParams } from '#shared/quizzes/requests'
import type { QuizCard } from '#shared/quizzes/views'
import { quizBank, quizCardOf } from '~~/server/quizzes/bank'

export default defineEventHandler(async (event): Promise<QuizCard> => {
  const { slug } = await validParams(event, quizParams)
  const quiz = (await quizBank(event)).quizzes.find(q => q.slug === slug)
  if (!quiz) throw createError({ statusCode: 404, message: 'No such quiz' })
  cachePublic(event)
  return quizCardOf(quiz)
})
