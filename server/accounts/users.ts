import type { Kysely } from 'kysely'
import type { AuthUser, Role } from '#shared/accounts/schemas'
import { newId, nowIso } from '~~/server/database/ids'
import type { Database, UserRow } from '~~/server/database/schema'

export class AccountError extends Error {
  constructor(readonly field: string, message: string) {
    super(message)
  }
}

export interface NewAccount {
  email: string
  displayName: string
  role: Role
  organisationId: string | null
  passwordHash: string
  mustChangePassword: boolean
  createdBy: string | null
}

export async function createAccount(db: Kysely<Database>, account: NewAccount): Promise<UserRow> {
  const existing = await db.selectFrom('users').select('id').where('email', '=', account.email).executeTakeFirst()
  if (existing) throw new AccountError('email', 'An account with this e-mail address exists')
  const now = nowIso()
  const row: UserRow = {
    id: newId(),
    email: account.email,
    display_name: account.displayName,
    password_hash: account.passwordHash,
    role: account.role,
    organisation_id: account.role === 'admin' ? null : account.organisationId,
    must_change_password: account.mustChangePassword ? 1 : 0,
    session_version: 1,
    disabled_at: null,
    last_login_at: null,
    created_by: account.createdBy,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('users').values(row).execute()
  return row
}

export async function toAuthUser(db: Kysely<Database>, row: UserRow): Promise<AuthUser> {
  const org = row.organisation_id
    ? await db.selectFrom('organisations').select(['name_zh', 'name_en']).where('id', '=', row.organisation_id).executeTakeFirst()
    : undefined
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    organisationId: row.organisation_id,
    organisationName: org ? { zh: org.name_zh, en: org.name_en } : null,
    mustChangePassword: row.must_change_password === 1,
  }
}
