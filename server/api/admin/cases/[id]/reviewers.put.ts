import { adminCaseParams, assignBody } from '#shared/cases/requests'
import type { AdminCaseView } from '#shared/cases/views'
import { adminCase, adminCaseView, assignReviewers } from '~~/server/cases/admin'

/** Assigns reviewers (a submitted case goes into review); a conflict of interest refuses the whole request. */
export default defineEventHandler(async (event): Promise<AdminCaseView> => {
  const { id } = await validParams(event, adminCaseParams)
  const body = await validBody(event, assignBody)
  const admin = await requireAdmin(event)
  const { db, city } = await usePortal()
  const { row } = await adminCase(db, city.slug, id)
  await assignReviewers(db, admin, row, body.reviewerIds)
  await recordAudit(event, admin, { action: 'case.assign', targetType: 'case-submission', targetId: id, details: { reviewers: body.reviewerIds } })
  return adminCaseView(db, city.slug, id)
})
