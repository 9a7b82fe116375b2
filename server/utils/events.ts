import { eventQuery } from '../events/views'

/** A published or cancelled event of the current city by slug (drafts are never public), or 404. */
export async function findPublicEvent(slug: string) {
  const { db, city } = await usePortal()
  const row = await eventQuery(db).where('e.city_slug', '=', city.slug).where('e.slug', '=', slug).where('e.status', '!=', 'draft').executeTakeFirst()
  if (!row) throw createError({ statusCode: 404, message: 'No such event' })
  return row
}

/** Per-IP limits for residents' write endpoints; PORTAL_RATE_SCALE multiplies them (load tests, busy shared networks). */
export function residentLimit(bucket: string, limit: number, windowSeconds = 600) {
  const scale = Number(process.env.PORTAL_RATE_SCALE) || 1
  return { bucket, limit: Math.max(1, Math.round(limit * scale)), windowSeconds }
}
