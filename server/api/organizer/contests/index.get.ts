import type { OrganizerContestList } from '#shared/contests/views'
import { contestView } from '~~/server/contests/contests'

/** The organisation's contests (admins: all of the city's), each with its id for the staff screens. */
export default defineEventHandler(async (event): Promise<OrganizerContestList> => {
  const user = await requireOrganizer(event)
  const { db, city } = await usePortal()
  let query = db.selectFrom('contests').selectAll().where('city_slug', '=', city.slug)
  if (user.role !== 'admin') query = query.where('organisation_id', '=', user.organisationId!)
  const rows = await query.orderBy('opens_at', 'desc').execute()
  setResponseHeader(event, 'cache-control', 'no-store')
  const items = await Promise.all(rows.map(async r => ({ ...await contestView(db, r, city), id: r.id })))
  return { items, ids: rows.map(r => r.id) }
})
