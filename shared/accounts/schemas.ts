import { z } from 'zod'
import { codeSchema, listOf, localizedView, timestampSchema } from '../primitives'

/**
 * Reviewers score showcase cases (专家评审) and see nothing else of the staff area.
 * Helpers (协助人员: a station's staff, a volunteer, a hotline operator) book for residents with their consent, for one organisation.
 */
export const roles = ['admin', 'organizer', 'reviewer', 'helper'] as const
/** Roles that act for one organisation and must name it when created. */
export const organisationRoles: readonly (typeof roles[number])[] = ['organizer', 'helper']
export type Role = typeof roles[number]

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email())
export const passwordSchema = z.string().min(10, 'At least 10 characters').max(200)

export const loginBody = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
}).strict()

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
}).strict().refine(b => b.newPassword !== b.currentPassword, { path: ['newPassword'], message: 'Must differ from the current password' })

export const createUserBody = z.object({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(80),
  role: z.enum(roles),
  /** Required for organizers and helpers: the department or venue they act for. */
  organisationCode: codeSchema.optional(),
}).strict().refine(b => !organisationRoles.includes(b.role) || !!b.organisationCode, { path: ['organisationCode'], message: 'Organizers and helpers belong to an organisation' })

export const userIdParams = z.object({ id: z.uuid() })

/** The signed-in user as the API returns it. */
export const authUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  organisationId: z.string().nullable(),
  organisationName: localizedView.nullable(),
  mustChangePassword: z.boolean(),
})
export type AuthUser = z.infer<typeof authUser>

export const sessionResponse = z.object({ user: authUser })
export type SessionResponse = z.infer<typeof sessionResponse>

/** An account in the admins' list. */
export const userItem = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  organisation: z.object({ code: z.string(), name: localizedView }).nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
})
export type UserItem = z.infer<typeof userItem>
export const userList = listOf(userItem)
export type UserList = z.infer<typeof userList>
export const createdUser = z.object({ user: authUser, initialPassword: z.string() })
export type CreatedUser = z.infer<typeof createdUser>

export const organisationKinds = ['department', 'venue'] as const
export const organisationItem = z.object({ code: z.string(), kind: z.enum(organisationKinds), name: localizedView })
export const organisationList = listOf(organisationItem)
export type OrganisationList = z.infer<typeof organisationList>

/** GET /api/organizer/organisation: the signed-in organizer's organisation, its venues and people. */
export const myOrganisation = z.object({
  organisation: z.object({ code: z.string(), kind: z.enum(organisationKinds), name: localizedView, role: z.string().nullable() }).nullable(),
  venues: z.array(z.object({ code: z.string(), name: localizedView, district: z.string(), address: localizedView })),
  members: z.array(z.object({ displayName: z.string(), email: z.string(), role: z.enum(roles), disabled: z.boolean() })),
})
export type MyOrganisation = z.infer<typeof myOrganisation>
