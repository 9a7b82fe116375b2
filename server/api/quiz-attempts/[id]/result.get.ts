import { attemptParams } from '#shared/quiz/requests'
import type { AttemptResult } from '#shared/quiz/views'
import { attemptResult } from '~~/server/quiz/attempts'

/** Hits, misses, false alarms and correct rejections, d′ and c, and per fraud type what to review. */
export default defineEventHandler(async (event): Promise<AttemptResult> => {
  const { id } = await validParams(event, attemptParams)
  setResponseHeader(event, 'cache-control', 'no-store')
  return attemptResult((await usePortal()).db, id)
})
