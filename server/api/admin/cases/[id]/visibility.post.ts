import { adminCaseParams, visibilityBody } from '#shared/cases/requests'
import type { AdminCaseView } from '#shared/cases/views'
import { adminCase, adminCaseView, setVisibility } from '~~/server/cases/admin'

/** Hides a case from the gallery or restores it (moderation); its open reports are resolved. */
export default defineEventHandler(async (event): Promise<AdminCaseView> => {
  const { id } = await validParams(event, adminCaseParams)
  const body = await validBody(event, visibilityBody)
  const admin = await requireAdmin(event)
  const { db, city } = await usePortal()
  const { row } = await adminCase(db, city.slug, id)
  await setVisibility(db, admin, row, body.hidden, body.reason)
  await recordAudit(event, admin, { action: body.hidden ? 'case.hide' : 'case.restore', targetType: 'case-submission', targetId: id, reason: body.reason })
  return adminCaseView(db, city.slug, id)
})
