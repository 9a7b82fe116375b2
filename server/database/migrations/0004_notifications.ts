import type { Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('notifications')
    .addColumn('id', 'text', c => c.primaryKey())
    .addColumn('event_id', 'text', c => c.notNull().references('events.id'))
    .addColumn('registration_id', 'text', c => c.notNull().references('registrations.id'))
    .addColumn('kind', 'text', c => c.notNull())
    .addColumn('status', 'text', c => c.notNull())
    .addColumn('send_after', 'text', c => c.notNull())
    .addColumn('attempts', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('provider', 'text')
    .addColumn('message', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', c => c.notNull())
    .addUniqueConstraint('notifications_registration_kind_uq', ['registration_id', 'kind'])
    .execute()
  await db.schema.createIndex('notifications_pending_idx').on('notifications').columns(['status', 'send_after']).execute()
  await db.schema.createIndex('notifications_event_idx').on('notifications').column('event_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').execute()
}
