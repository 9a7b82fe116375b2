import { adminCaseParams, statusBody } from '#shared/cases/requests'
import type { AdminCaseView } from '#shared/cases/views'
import { adminCase, adminCaseView, moveCase } from '~~/server/cases/admin'

/** Moves a case on (or rejects it, with the reason its submitter will read). */
export default defineEventHandler(async (event): Promise<AdminCaseView> => {
  const { id } = await validParams(event, adminCaseParams)
  const body = await validBody(event, statusBody)
  const admin = await requireAdmin(event)
  const { db, city } = await usePortal()
  const { row, call } = await adminCase(db, city.slug, id)
  await moveCase(db, row, call, body.status, body.reason)
  await recordAudit(event, admin, { action: 'case.status', targetType: 'case-submission', targetId: id, reason: body.reason, details: { from: row.status, to: body.status } })
  return adminCaseView(db, city.slug, id)
})
