import { sql, type Kysely } from 'kysely'
import { dialectOf } from '../dialect'

// Shipped migrations are never edited; add a new file instead.
// Telling attendees about a change (event-changed) and organisers' own short messages (event-message).
// One message of a kind per booking was the outbox's rule; these kinds can come again for one booking, so a
// message is now one per booking, kind and occasion (the change's or the message's id; '' for the others).
// That key is still what makes queuing twice harmless, on any number of instances.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await db.schema.alterTable('notifications').addColumn('occasion', 'text', c => c.notNull().defaultTo('')).execute()
    await sql`alter table notifications drop constraint notifications_registration_kind_uq`.execute(db)
  }
  else {
    // SQLite cannot drop a table's constraint: the table is made again with the same rows.
    await sql`create table notifications_next (
      id text primary key, event_id text not null references events (id), registration_id text not null references registrations (id),
      kind text not null, status text not null, send_after text not null, attempts integer not null default 0, provider text, message text,
      last_error text, sent_at text, created_at text not null, claimed_by text, claimed_until text, occasion text not null default '')`.execute(db)
    await sql`insert into notifications_next (id, event_id, registration_id, kind, status, send_after, attempts, provider, message, last_error, sent_at, created_at, claimed_by, claimed_until, occasion)
      select id, event_id, registration_id, kind, status, send_after, attempts, provider, message, last_error, sent_at, created_at, claimed_by, claimed_until, '' from notifications`.execute(db)
    await sql`drop table notifications`.execute(db)
    await sql`alter table notifications_next rename to notifications`.execute(db)
    await db.schema.createIndex('notifications_pending_idx').on('notifications').columns(['status', 'send_after']).execute()
    await db.schema.createIndex('notifications_event_idx').on('notifications').column('event_id').execute()
  }
  await db.schema.createIndex('notifications_registration_kind_occasion_uq').on('notifications').columns(['registration_id', 'kind', 'occasion']).unique().execute()

  // A move of an event's time or place (or both) that attendees were told about.
  await db.schema.createTable('event_changes')
    .addColumn('id', 'text', c => c.primaryKey())
    .addColumn('event_id', 'text', c => c.notNull().references('events.id'))
    .addColumn('changed', 'text', c => c.notNull())
    .addColumn('recipients', 'integer', c => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', c => c.notNull())
    .execute()
  await db.schema.createIndex('event_changes_event_idx').on('event_changes').columns(['event_id', 'created_at']).execute()

  // An organiser's short message to an event's attendees: at most three per event (seq 1–3, unique).
  await db.schema.createTable('event_messages')
    .addColumn('id', 'text', c => c.primaryKey())
    .addColumn('event_id', 'text', c => c.notNull().references('events.id'))
    .addColumn('seq', 'integer', c => c.notNull())
    .addColumn('body', 'text', c => c.notNull())
    .addColumn('recipients', 'integer', c => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', c => c.notNull())
    .addUniqueConstraint('event_messages_event_seq_uq', ['event_id', 'seq'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_messages').execute()
  await db.schema.dropTable('event_changes').execute()
  await db.schema.dropIndex('notifications_registration_kind_occasion_uq').execute()
  await db.schema.alterTable('notifications').dropColumn('occasion').execute()
}
