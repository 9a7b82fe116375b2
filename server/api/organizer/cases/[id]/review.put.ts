import { reviewBody, submissionParams } from '#shared/cases/requests'
import type { ReviewerCaseView } from '#shared/cases/views'
import { reviewerCaseView, submitReview } from '~~/server/cases/review'

/** Hands in the reviewer's scores (1–5 with a comment per criterion); final once in. */
export default defineEventHandler(async (event): Promise<ReviewerCaseView> => {
  const { id } = await validParams(event, submissionParams)
  const body = await validBody(event, reviewBody)
  const user = await requireReviewer(event)
  const { db, city } = await usePortal()
  await submitReview(db, city.slug, user, id, body)
  await recordAudit(event, user, { action: 'case.review', targetType: 'case-submission', targetId: id })
  return reviewerCaseView(db, city.slug, user, id)
})
