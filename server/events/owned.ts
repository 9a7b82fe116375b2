import type { H3Event } from 'h3'
import { eventIdParams } from '#shared/events/organizer'

/** The event named in the route, if the signed-in organizer's organisation owns it (admins: any). */
export async function ownedEvent(event: H3Event) {
  const { id } = await validParams(event, eventIdParams)
  const user = await requireOrganizer(event)
  const { db, city } = await usePortal()
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).where('city_slug', '=', city.slug).executeTakeFirst()
  if (!row) throw createError({ statusCode: 404, message: 'No such event' })
  assertOrganisation(user, row.organisation_id)
  return { row, user, db, city }
}
