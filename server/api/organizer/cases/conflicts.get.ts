import type { z } from 'zod'
import type { conflictsView } from '#shared/cases/views'
import { declaredCodes } from '~~/server/cases/review'

/** The organisations (credit codes) the reviewer declared ties to. */
export default defineEventHandler(async (event): Promise<z.infer<typeof conflictsView>> => {
  const user = await requireReviewer(event)
  const { db } = await usePortal()
  return { creditCodes: await declaredCodes(db, user.id) }
})
