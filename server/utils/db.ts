import type { Kysely } from 'kysely'
import { createDatabase, type DialectName } from '../database/client'
import { migrateToLatest } from '../database/migrate'
import type { Database } from '../database/schema'
import { seedCity } from '../database/seed'
import { loadCityProfile } from '../city/profile'
import { seedDemo } from '../database/demo'
import type { CityProfile } from '../../shared/city/profile'
import { portalConfig } from './config'

interface Ready {
  db: Kysely<Database>
  dialect: DialectName
  migration: string | null
  city: CityProfile
}

let ready: Promise<Ready> | undefined

/** Opens, migrates and seeds the database once per process; every caller awaits the same start-up. */
export function initPortal(): Promise<Ready> {
  ready ??= (async () => {
    const config = portalConfig()
    const city = loadCityProfile(config.city)
    const { db, dialect } = createDatabase({ url: config.databaseUrl, sqliteFile: config.sqliteFile })
    const migration = await migrateToLatest(db)
    await seedCity(db, city)
    if (config.demoAccounts) await seedDemo(db, city, hashPassword, config.demoPassword)
    return { db, dialect, migration, city }
  })()
  return ready
}

export async function useDb(): Promise<Kysely<Database>> {
  return (await initPortal()).db
}

export async function usePortal(): Promise<Ready> {
  return initPortal()
}
