import { caseParams } from '#shared/cases/requests'
import type { CaseView } from '#shared/cases/views'
import { publicCase } from '~~/server/cases/public'
import { caseView, imagesOf } from '~~/server/cases/views'

/** A published case: its description, outcomes, pictures and votes. */
export default defineEventHandler(async (event): Promise<CaseView> => {
  const { slug } = await validParams(event, caseParams)
  const { db, city } = await usePortal()
  const { row, call } = await publicCase(db, city.slug, slug)
  const images = (await imagesOf(db, [row.id])).get(row.id) ?? []
  cachePublic(event, 60)
  return caseView(row, call, city, images)
})
