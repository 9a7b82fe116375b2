import type { Kysely } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import { seedDemoAccounts } from '~~/server/accounts/demo'
import { seedDemoContests } from '~~/server/contests/demo'
import { seedDemoCases } from '~~/server/cases/demo'
import { seedsDir } from '~~/server/city/profile'
import { loadDemoEvents, seedDemoEvents } from '~~/server/events/demo-seed'
import type { Database } from './schema'

/** Demo data for the embedded default and development, one line per domain; existing rows are left alone. */
export async function seedDemo(db: Kysely<Database>, city: CityProfile, hash: (password: string) => Promise<string>, password: string) {
  await seedDemoAccounts(db, city, hash, password)
  await seedDemoEvents(db, city, loadDemoEvents(city, seedsDir()))
  await seedDemoContests(db, city)
  await seedDemoCases(db, city)
}
