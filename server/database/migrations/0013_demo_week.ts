import type { Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
// The week a demo database was made for. A city's profile fixes its week; a demo started after
// that week is over serves a week of its own (server/city/demo-week.ts), and a restart must find
// the same one, so it is kept here, one row per city.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('demo_weeks')
    .addColumn('city_slug', 'text', c => c.primaryKey())
    .addColumn('starts_on', 'text', c => c.notNull())
    .addColumn('ends_on', 'text', c => c.notNull())
    .addColumn('created_at', 'text', c => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('demo_weeks').execute()
}
