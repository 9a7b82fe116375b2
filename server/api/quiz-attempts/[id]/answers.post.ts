import { answerBody, attemptParams } from '#shared/quizzes/requests'
import type { AnswerResult } from '#shared/quizzes/views'
import { answerItem } from '~~/server/quizzes/attempts'
import { quizBank } from '~~/server/quizzes/bank'

/** Checks an answer on the server and says why: the key is never sent before the answer. */
export default defineEventHandler(async (event): Promise<AnswerResult> => {
  const { id } = await validParams(event, attemptParams)
  const body = await validBody(event, answerBody)
  await enforceRateLimit(event, residentLimit('quiz-answer', 1200, 3600))
  setResponseHeader(event, 'cache-control', 'no-store')
  return answerItem((await usePortal()).db, await quizBank(event), id, body)
})
