import { z } from 'zod'

export const roles = ['admin', 'organizer'] as const
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
  /** Required for organizers: the department or venue they act for. */
  organisationCode: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).optional(),
}).strict().refine(b => b.role === 'admin' || !!b.organisationCode, { path: ['organisationCode'], message: 'Organizers belong to an organisation' })

export const userIdParams = z.object({ id: z.uuid() })

/** The signed-in user as the API returns it. */
export interface AuthUser {
  id: string
  email: string
  displayName: string
  role: Role
  organisationId: string | null
  organisationName: { zh: string, en: string } | null
  mustChangePassword: boolean
}
