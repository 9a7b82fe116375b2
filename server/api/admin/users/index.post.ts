import type { CreatedUser } from '#shared/accounts/schemas'
import { randomBytes } from 'node:crypto'
import { createUserBody, organisationRoles } from '#shared/accounts/schemas'
import { AccountError, createAccount, toAuthUser } from '~~/server/accounts/users'

/** Creates an account with an initial password that is shown once and must be changed at first sign-in. */
export default defineEventHandler(async (event): Promise<CreatedUser> => {
  const body = await validBody(event, createUserBody)
  const admin = await requireAdmin(event)
  const { db, city } = await usePortal()

  let organisationId: string | null = null
  if (organisationRoles.includes(body.role)) {
    const org = await db.selectFrom('organisations').select('id')
      .where('city_slug', '=', city.slug).where('code', '=', body.organisationCode!).executeTakeFirst()
    if (!org) throw invalidFields({ organisationCode: ['Unknown organisation'] })
    organisationId = org.id
  }

  // 16 characters from an alphabet without look-alikes, easy to read out over the phone.
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const initialPassword = Array.from(randomBytes(16), b => alphabet[b % alphabet.length]).join('')
  try {
    const row = await createAccount(db, {
      email: body.email, displayName: body.displayName, role: body.role, organisationId,
      passwordHash: await hashPassword(initialPassword), mustChangePassword: true, createdBy: admin.id,
    })
    await recordAudit(event, admin, { action: 'user.create', targetType: 'user', targetId: row.id, details: { role: row.role, organisationCode: body.organisationCode ?? null } })
    setResponseStatus(event, 201)
    return { user: await toAuthUser(db, row), initialPassword }
  }
  catch (error) {
    if (error instanceof AccountError) {
      throw createError({ statusCode: 409, message: error.message, data: { fieldErrors: { [error.field]: [error.message] } } })
    }
    throw error
  }
})
