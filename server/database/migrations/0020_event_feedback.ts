import { sql, type Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
// What residents thought of an event they came to (issue 26, item 5): at most one answer per booking
// (a unique index decides, on any number of instances); paper forms typed in by staff have no booking.
// The free comment is stored with mobile and ID numbers already masked out: they are never kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('event_feedback')
    .addColumn('id', 'text', c => c.primaryKey())
    .addColumn('event_id', 'text', c => c.notNull().references('events.id'))
    .addColumn('registration_id', 'text', c => c.references('registrations.id'))
    .addColumn('source', 'text', c => c.notNull())
    .addColumn('overall', 'integer', c => c.notNull())
    .addColumn('learned', 'text', c => c.notNull())
    .addColumn('wants', 'text', c => c.notNull().defaultTo(''))
    .addColumn('comment', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', c => c.notNull())
    .execute()
  await sql`create unique index event_feedback_registration_uq on event_feedback (registration_id) where registration_id is not null`.execute(db)
  await db.schema.createIndex('event_feedback_event_idx').on('event_feedback').column('event_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_feedback').execute()
}
