import type { SessionResponse } from '#shared/accounts/schemas'
import { loginBody } from '#shared/accounts/schemas'
import { toAuthUser } from '~~/server/accounts/users'
import { dummyPasswordHash } from '~~/server/accounts/dummy-hash'
import { claimLoginAttempt, clearLoginFailures } from '~~/server/accounts/login-throttle'

export default defineEventHandler(async (event): Promise<SessionResponse> => {
  const body = await validBody(event, loginBody)
  await claimLoginAttempt(event, body.email)

  const db = await useDb()
  const row = await db.selectFrom('users').selectAll().where('email', '=', body.email).executeTakeFirst()
  // Verify even when there is no such account, so timing does not reveal which part was wrong.
  const valid = await verifyPassword(row?.password_hash ?? await dummyPasswordHash(), body.password)
  // The claimed attempt stays counted as a failure.
  if (!row || !valid || row.disabled_at) {
    throw createError({ statusCode: 401, message: 'The e-mail address or password is not correct' })
  }

  await clearLoginFailures(body.email)
  const now = nowIso()
  await db.updateTable('users').set({ last_login_at: now }).where('id', '=', row.id).execute()
  await replaceUserSession(event, { user: { id: row.id }, version: row.session_version, loggedInAt: now }, sessionCookieConfig(event))
  const user = await toAuthUser(db, row)
  await recordAudit(event, user, { action: 'auth.login', targetType: 'user', targetId: row.id })
  return { user }
})
