import { imageParams, takedownBody } from '#shared/cases/requests'
import type { AdminCaseView } from '#shared/cases/views'
import { adminCase, adminCaseView, takeDownImage } from '~~/server/cases/admin'

/** Takes one picture off a case (a personal-data report, say), with a reason for the audit log; its files stop being served. */
export default defineEventHandler(async (event): Promise<AdminCaseView> => {
  const { id, image } = await validParams(event, imageParams)
  const body = await validBody(event, takedownBody)
  const admin = await requireAdmin(event)
  const { db, city } = await usePortal()
  await adminCase(db, city.slug, id)
  await takeDownImage(db, id, image)
  await recordAudit(event, admin, { action: 'case.image.takedown', targetType: 'case-submission', targetId: id, reason: body.reason, details: { image } })
  return adminCaseView(db, city.slug, id)
})
