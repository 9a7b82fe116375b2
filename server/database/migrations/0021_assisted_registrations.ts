import type { Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
// Bookings a helper (协助人员) made for a resident (issue 25, item 1): who acted for whom, for which
// organisation, when, and how the resident agreed. Nothing more: no number of the resident's is kept here
// (a landline is kept only as the booking's look-up hash; "no phone" as a hash of nothing the resident gave).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('assisted_registrations')
    .addColumn('registration_id', 'text', c => c.primaryKey().references('registrations.id'))
    .addColumn('helper_id', 'text', c => c.notNull().references('users.id'))
    .addColumn('organisation_id', 'text', c => c.notNull().references('organisations.id'))
    .addColumn('consent', 'text', c => c.notNull())
    .addColumn('contact', 'text', c => c.notNull())
    .addColumn('created_at', 'text', c => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute()
  await db.schema.createIndex('assisted_registrations_helper_idx').on('assisted_registrations').columns(['helper_id', 'created_at']).execute()
  await db.schema.createIndex('assisted_registrations_org_idx').on('assisted_registrations').columns(['organisation_id', 'created_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('assisted_registrations').execute()
}
