import type { z } from 'zod'
import type { quizList } from '#shared/quiz/views'
import { quizBank, quizCardOf } from '~~/server/quiz/bank'

export default defineEventHandler(async (event): Promise<z.infer<typeof quizList>> => {
  const { quizzes } = await quizBank(event)
  cachePublic(event)
  return { items: quizzes.map(quizCardOf) }
})
