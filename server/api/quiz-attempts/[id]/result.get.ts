import { attemptParams } from '#shared/quizzes/requests'
import type { AttemptResult } from '#shared/quizzes/views'
import { attemptResult } from '~~/server/quizzes/attempts'

/** Hits, misses, false alarms and correct rejections, d′ and c, and per fraud type what to review. */
export default defineEventHandler(async (event): Promise<AttemptResult> => {
  const { id } = await validParams(event, attemptParams)
  setResponseHeader(event, 'cache-control', 'no-store')
  return attemptResult((await usePortal()).db, id)
})
