import { auditListQuery } from '#shared/audit/schemas'

export default defineEventHandler(async (event) => {
  const query = await validQuery(event, auditListQuery)
  await requireAdmin(event)
  const db = await useDb()
  let base = db.selectFrom('audit_log')
  if (query.action) base = base.where('action', '=', query.action)
  const [{ total }, rows] = await Promise.all([
    base.select(eb => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base.selectAll().orderBy('at', 'desc').orderBy('id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
  ])
  setResponseHeader(event, 'cache-control', 'no-store')
  return {
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map(r => ({
      id: r.id, at: r.at, action: r.action, actorEmail: r.actor_email, actorRole: r.actor_role,
      targetType: r.target_type, targetId: r.target_id, reason: r.reason, ip: r.ip,
      details: r.details ? JSON.parse(r.details) as Record<string, unknown> : null,
    })),
  }
})
