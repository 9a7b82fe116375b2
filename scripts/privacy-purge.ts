// `npm run privacy:purge`: deletes or anonymises residents' personal
// information whose retention period has ended, in the configured database
// (DATABASE_URL, or the embedded SQLite file). The server runs the same
// purgers as the `privacy:purge` task.
import { createDatabase } from '~~/server/database/client'
import { migrateToLatest } from '~~/server/database/migrate'
import { PersonalDataError, runPurge } from '~~/server/privacy/retention'
import { portalConfig } from '~~/server/utils/config'
import { purgers } from '~~/server/privacy/purgers'

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

function printCounts(counts: Record<string, number>): void {
  for (const [name, count] of Object.entries(counts)) console.log(`[privacy:purge] ${name}: ${count}`)
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0)
  console.log(`[privacy:purge] total: ${total}`)
}

const config = portalConfig()
const { db, dialect } = createDatabase({ url: config.databaseUrl, sqliteFile: config.sqliteFile })
try {
  await migrateToLatest(db)
  console.log(`[privacy:purge] ${dialect}: purging personal information due by ${new Date().toISOString()}`)
  printCounts(await runPurge(db, new Date(), purgers))
}
catch (error) {
  if (error instanceof PersonalDataError) {
    printCounts(error.results as Record<string, number>)
    error.errors.forEach((cause: unknown, i) => console.error(`[privacy:purge] ${error.failed[i]} failed: ${messageOf(cause)}`))
  }
  else {
    console.error(`[privacy:purge] failed: ${messageOf(error)}`)
  }
  process.exitCode = 1
}
finally {
  await db.destroy()
}
