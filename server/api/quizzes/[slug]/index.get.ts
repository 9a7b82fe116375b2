import { quizParams } from '#shared/quiz/requests'
import type { QuizCard } from '#shared/quiz/views'
import { quizBank, quizCardOf } from '~~/server/quiz/bank'

export default defineEventHandler(async (event): Promise<QuizCard> => {
  const { slug } = await validParams(event, quizParams)
  const quiz = (await quizBank(event)).quizzes.find(q => q.slug === slug)
  if (!quiz) throw createError({ statusCode: 404, message: 'No such quiz' })
  cachePublic(event)
  return quizCardOf(quiz)
})
