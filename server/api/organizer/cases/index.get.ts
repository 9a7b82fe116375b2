import type { z } from 'zod'
import type { reviewerCaseList } from '#shared/cases/views'
import { reviewerCases } from '~~/server/cases/review'

/** The cases assigned to the signed-in reviewer. */
export default defineEventHandler(async (event): Promise<z.infer<typeof reviewerCaseList>> => {
  const user = await requireReviewer(event)
  const { db, city } = await usePortal()
  return reviewerCases(db, city.slug, user)
})
