import { quizParams } from '#shared/quizzes/requests'
import type { AttemptCreated } from '#shared/quizzes/views'
import { createAttempt } from '~~/server/quizzes/attempts'
import { quizBank } from '~~/server/quizzes/bank'

/** A fresh draw from the bank, without answers: each answer is checked on the server. Anonymous. */
export default defineEventHandler(async (event): Promise<AttemptCreated> => {
  const { slug } = await validParams(event, quizParams)
  await enforceRateLimit(event, residentLimit('quiz-attempt', 60, 3600))
  const bank = await quizBank(event)
  const quiz = bank.quizzes.find(q => q.slug === slug)
  if (!quiz) throw createError({ statusCode: 404, message: 'No such quiz' })
  const { db, city } = await usePortal()
  setResponseStatus(event, 201)
  setResponseHeader(event, 'cache-control', 'no-store')
  return createAttempt(db, bank, quiz, city.slug)
})
