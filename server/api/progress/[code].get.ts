import { progressParams, type ProgressView } from '#shared/courses/progress'
import { readProgress } from '~~/server/courses/progress'

export default defineEventHandler(async (event): Promise<ProgressView> => {
  const { code } = await validParams(event, progressParams)
  // Few tries per address: a code is the only key, so guessing must stay slow.
  await enforceRateLimit(event, residentLimit('progress-lookup', 30, 600))
  setResponseHeader(event, 'cache-control', 'no-store')
  const found = await readProgress((await usePortal()).db, code)
  if (!found) throw createError({ statusCode: 404, message: 'No progress is kept under this code. Codes are forgotten after 180 days without use.', data: { reason: 'unknown-code' } })
  return found
})
