import { eventQuery } from './views'

/** A published or cancelled event of the current city by slug (drafts are never public), or 404. */
export async function findPublicEvent(slug: string) {
  const { db, city } = await usePortal()
  const row = await eventQuery(db).where('e.city_slug', '=', city.slug).where('e.slug', '=', slug).where('e.status', '!=', 'draft').executeTakeFirst()
  if (!row) throw createError({ statusCode: 404, message: 'No such event' })
  return row
}
