import type { z } from 'zod'
import { callBody } from '#shared/cases/requests'
import type { adminCallItem as adminCallItemSchema } from '#shared/cases/views'
import { adminCallItem } from '~~/server/cases/admin-calls'
import { insertCall } from '~~/server/cases/calls'

/** Opens a new call for cases. */
export default defineEventHandler(async (event): Promise<z.infer<typeof adminCallItemSchema>> => {
  const body = await validBody(event, callBody)
  const admin = await requireAdmin(event)
  const { db, city } = await usePortal()
  try {
    const row = await insertCall(db, city.slug, body)
    await recordAudit(event, admin, { action: 'case-call.create', targetType: 'case-call', targetId: row.id })
    setResponseStatus(event, 201)
    return adminCallItem(db, row)
  }
  catch (error) {
    if (isUniqueViolation(error)) throw createError({ statusCode: 409, message: 'Another call has this address', data: { fieldErrors: { slug: ['Another call has this address'] } } })
    throw error
  }
})
