import type { z } from 'zod'
import { adminCallParams, callBody } from '#shared/cases/requests'
import type { adminCallItem as adminCallItemSchema } from '#shared/cases/views'
import { adminCallItem } from '~~/server/cases/admin-calls'
import { callById, callValues } from '~~/server/cases/calls'

/** Changes a call's dates, rules or weights. */
export default defineEventHandler(async (event): Promise<z.infer<typeof adminCallItemSchema>> => {
  const { id } = await validParams(event, adminCallParams)
  const body = await validBody(event, callBody)
  const admin = await requireAdmin(event)
  const { db, city } = await usePortal()
  await callById(db, city.slug, id)
  try {
    await db.updateTable('case_calls').set({ ...callValues(body), updated_at: nowIso() }).where('id', '=', id).execute()
  }
  catch (error) {
    if (isUniqueViolation(error)) throw createError({ statusCode: 409, message: 'Another call has this address', data: { fieldErrors: { slug: ['Another call has this address'] } } })
    throw error
  }
  await recordAudit(event, admin, { action: 'case-call.update', targetType: 'case-call', targetId: id })
  return adminCallItem(db, await callById(db, city.slug, id))
})
