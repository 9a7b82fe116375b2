import { adminCaseParams } from '#shared/cases/requests'
import type { AdminCaseView } from '#shared/cases/views'
import { adminCaseView } from '~~/server/cases/admin'

/** One case with everything an admin decides on; the contact stays masked. */
export default defineEventHandler(async (event): Promise<AdminCaseView> => {
  const { id } = await validParams(event, adminCaseParams)
  await requireAdmin(event)
  const { db, city } = await usePortal()
  return adminCaseView(db, city.slug, id)
})
