import { progressBody, progressParams, type ProgressView } from '#shared/courses/progress'
import { updateProgress } from '~~/server/courses/progress'
import { checkAgainstCatalogue } from '~~/server/courses/progress-check'

export default defineEventHandler(async (event): Promise<ProgressView> => {
  const { code } = await validParams(event, progressParams)
  const body = await validBody(event, progressBody)
  await enforceRateLimit(event, residentLimit('progress-lookup', 30, 600))
  const { db } = await usePortal()
  await checkAgainstCatalogue(event, portalConfig().city, body)
  setResponseHeader(event, 'cache-control', 'no-store')
  const saved = await updateProgress(db, code, body)
  if (!saved) throw createError({ statusCode: 404, message: 'No progress is kept under this code. Codes are forgotten after 180 days without use.', data: { reason: 'unknown-code' } })
  return saved
})
