// `npm run db:migrate`: applies migrations to the configured database
// (DATABASE_URL, or the embedded SQLite file) and seeds the city profile.
import { createDatabase } from '~~/server/database/client'
import { migrateToLatest } from '~~/server/database/migrate'
import { seedCity } from '~~/server/database/seed'
import { loadCityProfile } from '~~/server/city/profile'
import { portalConfig } from '~~/server/utils/config'

const config = portalConfig()
const { db, dialect } = createDatabase({ url: config.databaseUrl, sqliteFile: config.sqliteFile })
try {
  const city = loadCityProfile(config.city)
  const migration = await migrateToLatest(db)
  await seedCity(db, city)
  console.log(`[db:migrate] ${dialect}: at ${migration}; city "${city.slug}" seeded`)
}
catch (error) {
  console.error(`[db:migrate] failed: ${(error as Error).message}`)
  process.exitCode = 1
}
finally {
  await db.destroy()
}
