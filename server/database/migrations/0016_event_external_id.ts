import { sql, type Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
// An event imported from a spreadsheet keeps the organiser's own id for it (外部编号), so importing the
// sheet again updates the events it made instead of making them twice. Unique per organisation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('external_id', 'text').execute()
  await sql`create unique index events_org_external_id_uq on events (organisation_id, external_id) where external_id is not null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_org_external_id_uq').execute()
  await db.schema.alterTable('events').dropColumn('external_id').execute()
}
