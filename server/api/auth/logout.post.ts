import type { OkResponse } from '#shared/primitives'

export default defineEventHandler(async (event): Promise<OkResponse> => {
  const user = await currentUser(event)
  if (user) {
    // The cookie is sealed, not stored, so a copy would outlive its deletion: a new session version
    // ends it on the server, and with it the account's sessions on other devices (as a password change does).
    const db = await useDb()
    await db.updateTable('users').set(eb => ({ session_version: eb('session_version', '+', 1) })).where('id', '=', user.id).execute()
  }
  await clearUserSession(event, sessionCookieConfig(event))
  if (user) await recordAudit(event, user, { action: 'auth.logout', targetType: 'user', targetId: user.id })
  return { ok: true }
})
