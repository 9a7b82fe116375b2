import type { OkResponse } from '#shared/primitives'

export default defineEventHandler(async (event): Promise<OkResponse> => {
  const user = await currentUser(event)
  await clearUserSession(event, sessionCookieConfig(event))
  if (user) await recordAudit(event, user, { action: 'auth.logout', targetType: 'user', targetId: user.id })
  return { ok: true }
})
