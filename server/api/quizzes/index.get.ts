import type { z } from 'zod'
import type { quizList } from '#shared/quizzes/views'
import { quizBank, quizCardOf } from '~~/server/quizzes/bank'

export default defineEventHandler(async (event): Promise<z.infer<typeof quizList>> => {
  const { quizzes } = await quizBank(event)
  cachePublic(event)
  return { items: quizzes.map(quizCardOf) }
})
