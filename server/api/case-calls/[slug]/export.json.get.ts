import { callParams } from '#shared/cases/requests'
import type { ExportDocument } from '#shared/cases/views'
import { findCall } from '~~/server/cases/calls'
import { exportDocument } from '~~/server/cases/export'

/** Open data: the call's published cases and, once published, its final ranking with the expert and vote components (CC BY 4.0). */
export default defineEventHandler(async (event): Promise<ExportDocument> => {
  const { slug } = await validParams(event, callParams)
  const { db, city } = await usePortal()
  const doc = await exportDocument(db, await findCall(db, city.slug, slug))
  cachePublic(event, 300)
  return doc
})
