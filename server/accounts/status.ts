import type { H3Event } from 'h3'
import type { OkResponse } from '#shared/primitives'
import { userIdParams } from '#shared/accounts/schemas'

/** Disables or re-enables an account; either way its existing sessions end. */
export async function setUserDisabled(event: H3Event, disabled: boolean): Promise<OkResponse> {
  const { id } = await validParams(event, userIdParams)
  const admin = await requireAdmin(event)
  if (id === admin.id) throw createError({ statusCode: 409, message: 'You cannot disable your own account' })
  const db = await useDb()
  const row = await db.selectFrom('users').select(['id', 'session_version']).where('id', '=', id).executeTakeFirst()
  if (!row) throw createError({ statusCode: 404, message: 'No such account' })
  await db.updateTable('users')
    .set({ disabled_at: disabled ? nowIso() : null, session_version: row.session_version + 1, updated_at: nowIso() })
    .where('id', '=', id).execute()
  await recordAudit(event, admin, { action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: id })
  return { ok: true }
}
