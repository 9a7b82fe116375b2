import { attemptParams } from '#shared/quizzes/requests'
import type { AttemptState } from '#shared/quizzes/views'
import { attemptState } from '~~/server/quizzes/attempts'
import { quizBank } from '~~/server/quizzes/bank'

/** An attempt's items and the answers given so far, so a reload carries on where it was. */
export default defineEventHandler(async (event): Promise<AttemptState> => {
  const { id } = await validParams(event, attemptParams)
  setResponseHeader(event, 'cache-control', 'no-store')
  return attemptState((await usePortal()).db, await quizBank(event), id)
})
