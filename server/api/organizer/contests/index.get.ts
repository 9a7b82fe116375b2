import type { OrganizerContestList } from '#shared/contests/schemas'
import { contestView } from '~~/server/contests/contests'

/** The organisation's contests (admins: all of the city's), each with its id for the staff screens. */
export default defineEventHandler(async (event): Promise<OrganizerContestList> => {
  const user = await requireOrganizer(event)
  const { db, city } = await usePortal()
  let query = db.selectFrom('contests').selectAll().where('city_slug', '=', city.slug)
  if (user.role !== 'admin') query = query.where('organisation_id', '=', user.organisationId!)
  const rows = await query.orderBy('opens_at', 'desc').execute()
  setResponseHeader(event, 'cache-control', 'no-store')
  return { items: await Promise.all(rows.map(r => contestView(db, r, city))), ids: rows.map(r => r.id) }
})
