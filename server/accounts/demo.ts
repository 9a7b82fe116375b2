import type { Kysely } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import type { Database } from '~~/server/database/schema'
import { createAccount } from './users'

/** admin@demo.local, organizer@demo.local and helper@demo.local (for the city's first venue) and two reviewers; existing accounts are left alone. */
export async function seedDemoAccounts(db: Kysely<Database>, city: CityProfile, hash: (password: string) => Promise<string>, password: string) {
  const venue = await db.selectFrom('organisations').select('id')
    .where('city_slug', '=', city.slug).where('code', '=', city.venues[0]!.code).executeTakeFirstOrThrow()
  const accounts = [
    { email: 'admin@demo.local', displayName: 'Demo admin', role: 'admin' as const, organisationId: null },
    { email: 'organizer@demo.local', displayName: 'Demo organizer', role: 'organizer' as const, organisationId: venue.id },
    // Two expert reviewers for the case showcase, so that a case can have several reviews.
    { email: 'reviewer@demo.local', displayName: '评审专家甲（示例）', role: 'reviewer' as const, organisationId: null },
    { email: 'reviewer2@demo.local', displayName: '评审专家乙（示例）', role: 'reviewer' as const, organisationId: null },
    // A helper (协助人员) at the same venue, who books for residents at the counter or on the phone.
    { email: 'helper@demo.local', displayName: '协助人员（示例）', role: 'helper' as const, organisationId: venue.id },
  ]
  for (const account of accounts) {
    const exists = await db.selectFrom('users').select('id').where('email', '=', account.email).executeTakeFirst()
    if (exists) continue
    await createAccount(db, { ...account, passwordHash: await hash(password), mustChangePassword: false, createdBy: null })
      .catch(() => { /* created concurrently by another instance */ })
  }
}
