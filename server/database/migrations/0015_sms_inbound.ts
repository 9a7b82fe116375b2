import type { Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Replies by text message (POST /api/sms/inbound): the gateway's message ids already handled,
  // so a message the gateway sends twice is acted on once. Only the id and what was done are kept,
  // never the number or the text.
  await db.schema.createTable('sms_inbound')
    .addColumn('id', 'text', c => c.primaryKey())
    .addColumn('outcome', 'text')
    .addColumn('received_at', 'text', c => c.notNull())
    .addColumn('created_at', 'text', c => c.notNull())
    .execute()
  await db.schema.createIndex('sms_inbound_created_idx').on('sms_inbound').column('created_at').execute()
  // "1" in reply to the reminder: the resident says they are coming (shown on the organiser's list).
  await db.schema.alterTable('registrations').addColumn('attendance_confirmed_at', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('registrations').dropColumn('attendance_confirmed_at').execute()
  await db.schema.dropTable('sms_inbound').execute()
}
