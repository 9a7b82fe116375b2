import type { z } from 'zod'
import type { callList } from '#shared/cases/views'
import { callView, listCalls } from '~~/server/cases/calls'

/** Open, upcoming and past calls for cases, newest first. */
export default defineEventHandler(async (event): Promise<z.infer<typeof callList>> => {
  const { db, city } = await usePortal()
  const rows = await listCalls(db, city.slug)
  cachePublic(event, 60)
  return { items: await Promise.all(rows.map(r => callView(db, r))) }
})
