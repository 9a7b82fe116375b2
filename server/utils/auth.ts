import type { H3Event } from 'h3'
import type { AuthUser, Role } from '#shared/accounts/schemas'
import { toAuthUser } from '../accounts/users'
import { portalConfig } from './config'

declare module 'h3' {
  interface H3EventContext {
    authUser?: AuthUser | null
  }
}

/**
 * The signed-in user, read fresh from the database on every request: a
 * disabled account, or a session older than the account's session version
 * (after a password change or a disable), is no longer signed in.
 */
export async function currentUser(event: H3Event): Promise<AuthUser | null> {
  if (event.context.authUser !== undefined) return event.context.authUser
  const session = await getUserSession(event)
  let user: AuthUser | null = null
  if (session.user?.id) {
    const db = await useDb()
    const row = await db.selectFrom('users').selectAll().where('id', '=', session.user.id).executeTakeFirst()
    if (row && !row.disabled_at && row.session_version === session.version) user = await toAuthUser(db, row)
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

/** Organizers touch only their own organisation's data; admins may act for any. */
export function assertOrganisation(user: AuthUser, organisationId: string | null | undefined): void {
  if (user.role === 'admin') return
  if (!organisationId || user.organisationId !== organisationId) {
    throw createError({ statusCode: 403, message: 'This belongs to another organisation' })
  }
}

/** Session cookies are Secure whenever the request came over HTTPS (directly or through a trusted proxy). */
export function sessionCookieConfig(event: H3Event) {
  const https = getRequestProtocol(event, { xForwardedProto: portalConfig().trustProxy }) === 'https'
  return { cookie: { httpOnly: true, sameSite: 'lax' as const, secure: https, path: '/' } }
}
