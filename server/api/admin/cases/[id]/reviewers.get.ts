import type { z } from 'zod'
import { adminCaseParams } from '#shared/cases/requests'
import type { reviewerOptions as reviewerOptionsSchema } from '#shared/cases/views'
import { adminCase, reviewerOptions } from '~~/server/cases/admin'

/** Every active reviewer, with whether they declared a conflict with this case's organisation. */
export default defineEventHandler(async (event): Promise<z.infer<typeof reviewerOptionsSchema>> => {
  const { id } = await validParams(event, adminCaseParams)
  await requireAdmin(event)
  const { db, city } = await usePortal()
  const { row } = await adminCase(db, city.slug, id)
  return reviewerOptions(db, row)
})
