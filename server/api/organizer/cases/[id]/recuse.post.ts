import { recuseBody, submissionParams } from '#shared/cases/requests'
import type { ReviewerCaseView } from '#shared/cases/views'
import { recuse, reviewerCaseView } from '~~/server/cases/review'

/** The reviewer declares a conflict of interest with one case and stands down from it. */
export default defineEventHandler(async (event): Promise<ReviewerCaseView> => {
  const { id } = await validParams(event, submissionParams)
  const body = await validBody(event, recuseBody)
  const user = await requireReviewer(event)
  const { db, city } = await usePortal()
  await recuse(db, city.slug, user, id, body.note)
  await recordAudit(event, user, { action: 'case.recuse', targetType: 'case-submission', targetId: id, reason: body.note })
  return reviewerCaseView(db, city.slug, user, id)
})
