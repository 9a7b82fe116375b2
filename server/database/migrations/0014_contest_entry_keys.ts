import type { Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
// An entry gains: the hash of a secret only its entrant holds (answering needs it; staff see only the id);
// a keyed hash of the number scoped to the contest, which alone refuses a second entry after the
// entrant erased their data (purged at the close); and when it was erased.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contest_entries').addColumn('secret_hash', 'text').execute()
  await db.schema.alterTable('contest_entries').addColumn('number_key', 'text').execute()
  await db.schema.alterTable('contest_entries').addColumn('erased_at', 'text').execute()
  await db.schema.createIndex('contest_entries_number_key_uq').unique().on('contest_entries').columns(['contest_id', 'number_key']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('contest_entries_number_key_uq').execute()
  await db.schema.alterTable('contest_entries').dropColumn('erased_at').execute()
  await db.schema.alterTable('contest_entries').dropColumn('number_key').execute()
  await db.schema.alterTable('contest_entries').dropColumn('secret_hash').execute()
}
