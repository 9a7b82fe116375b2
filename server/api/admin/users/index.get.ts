import type { UserList } from '#shared/accounts/schemas'

export default defineEventHandler(async (event): Promise<UserList> => {
  await requireAdmin(event)
  const db = await useDb()
  const rows = await db.selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email', 'u.display_name', 'u.role', 'u.disabled_at', 'u.last_login_at', 'u.must_change_password', 'u.created_at', 'o.code as org_code', 'o.name_zh as org_zh', 'o.name_en as org_en'])
    .orderBy('u.role').orderBy('u.email')
    .execute()
  setResponseHeader(event, 'cache-control', 'no-store')
  return {
    items: rows.map(r => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      role: r.role,
      organisation: r.org_code ? { code: r.org_code, name: { zh: r.org_zh!, en: r.org_en! } } : null,
      disabled: !!r.disabled_at,
      mustChangePassword: r.must_change_password === 1,
      lastLoginAt: r.last_login_at,
      createdAt: r.created_at,
    })),
  }
})
