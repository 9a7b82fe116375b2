import type { z } from 'zod'
import type { adminCallList } from '#shared/cases/views'
import { adminCallItem } from '~~/server/cases/admin-calls'
import { listCalls } from '~~/server/cases/calls'

/** Every call of the city, with its number of submissions. */
export default defineEventHandler(async (event): Promise<z.infer<typeof adminCallList>> => {
  await requireAdmin(event)
  const { db, city } = await usePortal()
  return { items: await Promise.all((await listCalls(db, city.slug)).map(r => adminCallItem(db, r))) }
})
