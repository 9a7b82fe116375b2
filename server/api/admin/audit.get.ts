import { auditListQuery, type AuditPage } from '#shared/audit/schemas'

export default defineEventHandler(async (event): Promise<AuditPage> => {
  const query = await validQuery(event, auditListQuery)
  await requireAdmin(event)
  const db = await useDb()
  let base = db.selectFrom('audit_log')
  if (query.action) base = base.where('action', '=', query.action)
  const page = await paginate(base, query, q => q.selectAll().orderBy('at', 'desc').orderBy('id'))
  setResponseHeader(event, 'cache-control', 'no-store')
  return mapPage(page, r => ({
    id: r.id, at: r.at, action: r.action, actorEmail: r.actor_email, actorRole: r.actor_role,
    targetType: r.target_type, targetId: r.target_id, reason: r.reason, ip: r.ip,
    details: r.details ? JSON.parse(r.details) as Record<string, unknown> : null,
  }))
})
