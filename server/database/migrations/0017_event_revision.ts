import type { Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
// An event's revision: raised by every change a calendar must pick up (an edit of its fields, a
// status move, an import that updates it), never by bookings. Calendar files and feeds write it as
// SEQUENCE, so a subscribed calendar replaces its copy (RFC 5545 3.8.7.4).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('revision', 'integer', c => c.notNull().defaultTo(0)).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('revision').execute()
}
