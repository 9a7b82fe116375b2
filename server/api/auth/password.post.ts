import type { OkResponse } from '#shared/primitives'
import { passwordChangeBody } from '#shared/accounts/schemas'
import { claimLoginAttempt, clearLoginFailures } from '~~/server/accounts/login-throttle'

export default defineEventHandler(async (event): Promise<OkResponse> => {
  const body = await validBody(event, passwordChangeBody)
  const user = await requireUser(event, { allowPasswordChangePending: true })
  // The current password is guessed like a sign-in's: the same claimed attempts.
  await claimLoginAttempt(event, user.email)

  const db = await useDb()
  const row = await db.selectFrom('users').select(['password_hash', 'session_version']).where('id', '=', user.id).executeTakeFirstOrThrow()
  if (!await verifyPassword(row.password_hash, body.currentPassword)) {
    throw invalidFields({ currentPassword: ['The current password is not correct'] })
  }
  await clearLoginFailures(user.email)
  // A new session version signs out every other session of this account.
  const version = row.session_version + 1
  await db.updateTable('users')
    .set({ password_hash: await hashPassword(body.newPassword), must_change_password: 0, session_version: version, updated_at: nowIso() })
    .where('id', '=', user.id).execute()
  await replaceUserSession(event, { user: { id: user.id }, version, loggedInAt: nowIso() }, sessionCookieConfig(event))
  await recordAudit(event, user, { action: 'user.password-change', targetType: 'user', targetId: user.id })
  return { ok: true }
})
