import type { z } from 'zod'
import { adminCasesQuery } from '#shared/cases/requests'
import type { adminCasePage } from '#shared/cases/views'
import { adminItems } from '~~/server/cases/admin'

/** Every case of the city (drafts only when asked for), with its review figures. */
export default defineEventHandler(async (event): Promise<z.infer<typeof adminCasePage>> => {
  const query = await validQuery(event, adminCasesQuery)
  await requireAdmin(event)
  const { db, city } = await usePortal()
  let base = db.selectFrom('case_submissions as s').innerJoin('case_calls as c', 'c.id', 's.call_id').where('c.city_slug', '=', city.slug)
  if (query.call) base = base.where('c.slug', '=', query.call)
  base = query.status ? base.where('s.status', '=', query.status) : base.where('s.status', '!=', 'draft')
  const page = await paginate(base, query, q => q.select(['s.id']).orderBy('c.opens_at', 'desc').orderBy('s.submitted_at', 'desc').orderBy('s.id'))
  const ids = page.items.map(r => r.id)
  const rows = ids.length ? await db.selectFrom('case_submissions').selectAll().where('id', 'in', ids).execute() : []
  const calls = rows.length ? await db.selectFrom('case_calls').selectAll().where('id', 'in', [...new Set(rows.map(r => r.call_id))]).execute() : []
  const byId = new Map(rows.map(r => [r.id, r]))
  const items = await adminItems(db, ids.map(id => ({ row: byId.get(id)!, call: calls.find(c => c.id === byId.get(id)!.call_id)! })))
  return { ...page, items }
})
