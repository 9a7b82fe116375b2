import type { H3Event } from 'h3'
import type { AuthUser, Role } from '#shared/accounts/schemas'
import { toAuthUser } from '~~/server/accounts/users'
import { portalConfig } from './config'

declare module 'h3' {
  interface H3EventContext {
    authUser?: AuthUser | null
  }
}

/** Whether a session is within its lifetime and idle timeout (PORTAL_SESSION_MAX_AGE_SECONDS, PORTAL_SESSION_IDLE_SECONDS). */
export function sessionAlive(session: { loggedInAt?: string, seenAt?: string }, now: number, config = portalConfig()): boolean {
  const loggedIn = Date.parse(session.loggedInAt ?? '')
  const seen = Date.parse(session.seenAt ?? session.loggedInAt ?? '')
  return now - loggedIn < config.sessionMaxAgeSeconds * 1000 && now - seen < config.sessionIdleSeconds * 1000
}

/**
 * The signed-in user, read fresh from the database on every request: a
 * disabled account, a session older than the account's session version
 * (after a password change, a disable or a sign-out), or past its lifetime or
 * idle timeout, is no longer signed in.
 */
export async function currentUser(event: H3Event): Promise<AuthUser | null> {
  if (event.context.authUser !== undefined) return event.context.authUser
  const session = await getUserSession(event)
  const now = Date.now()
  let user: AuthUser | null = null
  if (session.user?.id && sessionAlive(session, now)) {
    const db = await useDb()
    const row = await db.selectFrom('users').selectAll().where('id', '=', session.user.id).executeTakeFirst()
    if (row && !row.disabled_at && row.session_version === session.version) user = await toAuthUser(db, row)
  }
  // The cookie carries the time of use, re-sealed at most every minute (sooner for short timeouts), so the idle timeout needs no server state.
  const refreshMs = Math.min(60, portalConfig().sessionIdleSeconds / 10) * 1000
  if (user && now - Date.parse(session.seenAt ?? session.loggedInAt ?? '') >= refreshMs) {
    await setUserSession(event, { version: session.version, loggedInAt: session.loggedInAt, seenAt: new Date(now).toISOString() }, sessionCookieConfig(event))
  }
  event.context.authUser = user
  return user
}

export interface RequireOptions {
  roles?: Role[]
  /** Allow a user who must still change the initial password (only the password and sign-out routes do). */
  allowPasswordChangePending?: boolean
}

/** 401 without a valid session, 403 for the wrong role. The one door every organizer and admin route goes through. */
export async function requireUser(event: H3Event, options: RequireOptions = {}): Promise<AuthUser> {
  const user = await currentUser(event)
  if (!user) throw createError({ statusCode: 401, message: 'Please sign in' })
  if (options.roles && !options.roles.includes(user.role)) throw createError({ statusCode: 403, message: 'Your role does not allow this' })
  if (user.mustChangePassword && !options.allowPasswordChangePending) {
    throw createError({ statusCode: 403, message: 'Please change your initial password first', data: { reason: 'password-change-required' } })
  }
  return user
}

export const requireAdmin = (event: H3Event) => requireUser(event, { roles: ['admin'] })
export const requireOrganizer = (event: H3Event) => requireUser(event, { roles: ['admin', 'organizer'] })
/** The showcase's expert reviewers (and admins, who assign them). */
export const requireReviewer = (event: H3Event) => requireUser(event, { roles: ['admin', 'reviewer'] })
/** Helpers (协助人员) book for residents for their own organisation; no one else acts through their pages. */
export const requireHelper = async (event: H3Event) => {
  const user = await requireUser(event, { roles: ['helper'] })
  if (!user.organisationId) throw createError({ statusCode: 403, message: 'A helper acts for an organisation' })
  return user
}

/** Organizers touch only their own organisation's data; admins may act for any. */
export function assertOrganisation(user: AuthUser, organisationId: string | null | undefined): void {
  if (user.role === 'admin') return
  if (!organisationId || user.organisationId !== organisationId) {
    throw createError({ statusCode: 403, message: 'This belongs to another organisation' })
  }
}

/**
 * Session cookies are Secure whenever the request came over HTTPS (directly or
 * through a trusted proxy), and the browser drops them at the end of the session's lifetime.
 */
export function sessionCookieConfig(event: H3Event) {
  const config = portalConfig()
  const https = getRequestProtocol(event, { xForwardedProto: config.trustProxy }) === 'https'
  return { maxAge: config.sessionMaxAgeSeconds, cookie: { httpOnly: true, sameSite: 'lax' as const, secure: https, path: '/' } }
}
