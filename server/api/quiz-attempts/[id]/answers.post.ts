import { answerBody, attemptParams } from '#shared/quiz/requests'
import type { AnswerResult } from '#shared/quiz/views'
import { answerItem } from '~~/server/quiz/attempts'
import { quizBank } from '~~/server/quiz/bank'

/** Checks an answer on the server and says why: the key is never sent before the answer. */
export default defineEventHandler(async (event): Promise<AnswerResult> => {
  const { id } = await validParams(event, attemptParams)
  const body = await validBody(event, answerBody)
  await enforceRateLimit(event, residentLimit('quiz-answer', 1200, 3600))
  setResponseHeader(event, 'cache-control', 'no-store')
  return answerItem((await usePortal()).db, await quizBank(event), id, body)
})
