import { submissionParams } from '#shared/cases/requests'
import type { ReviewerCaseView } from '#shared/cases/views'
import { reviewerCaseView } from '~~/server/cases/review'

/** A case assigned to the reviewer; the others' scores only after their own review is in. */
export default defineEventHandler(async (event): Promise<ReviewerCaseView> => {
  const { id } = await validParams(event, submissionParams)
  const user = await requireReviewer(event)
  const { db, city } = await usePortal()
  return reviewerCaseView(db, city.slug, user, id)
})
