import type { z } from 'zod'
import type { contestList } from '#shared/contests/views'
import { contestView } from '~~/server/contests/contests'

export default defineEventHandler(async (event): Promise<z.infer<typeof contestList>> => {
  const { db, city } = await usePortal()
  const rows = await db.selectFrom('contests').selectAll().where('city_slug', '=', city.slug).orderBy('opens_at', 'desc').execute()
  setResponseHeader(event, 'cache-control', 'public, max-age=60')
  return { items: await Promise.all(rows.map(r => contestView(db, r, city))) }
})
