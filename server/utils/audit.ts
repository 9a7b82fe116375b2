import type { H3Event } from 'h3'
import type { AuthUser } from '#shared/accounts/schemas'

export interface AuditEntry {
  action: string
  targetType?: string
  targetId?: string
  reason?: string
  /** Never personal information in clear. */
  details?: Record<string, unknown>
}

/** Appends to the audit log (the database refuses updates and deletes). */
export async function recordAudit(event: H3Event | null, actor: AuthUser | null, entry: AuditEntry): Promise<void> {
  const db = await useDb()
  await db.insertInto('audit_log').values({
    id: newId(),
    at: nowIso(),
    actor_id: actor?.id ?? null,
    actor_email: actor?.email ?? null,
    actor_role: actor?.role ?? null,
    organisation_id: actor?.organisationId ?? null,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    reason: entry.reason ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
    ip: event ? clientIp(event) : null,
  }).execute()
}
