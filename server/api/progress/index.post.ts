import { progressBody, type ProgressView } from '#shared/courses/progress'
import { createProgress } from '~~/server/courses/progress'
import { checkAgainstCatalogue } from '~~/server/courses/progress-check'

/** A resume code for this browser's progress: anonymous, forgotten after 180 days without use. */
export default defineEventHandler(async (event): Promise<ProgressView> => {
  const body = await validBody(event, progressBody)
  await enforceRateLimit(event, residentLimit('progress-create', 20, 3600))
  const { db } = await usePortal()
  await checkAgainstCatalogue(event, portalConfig().city, body)
  setResponseStatus(event, 201)
  setResponseHeader(event, 'cache-control', 'no-store')
  return createProgress(db, body)
})
