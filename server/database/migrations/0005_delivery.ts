import type { Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A sender claims a row before it hands it to the provider; a claim whose
  // instance died is taken over once `claimed_until` has passed.
  await db.schema.alterTable('notifications').addColumn('claimed_by', 'text').execute()
  await db.schema.alterTable('notifications').addColumn('claimed_until', 'text').execute()

  await db.schema.createTable('verifications')
    .addColumn('id', 'text', c => c.primaryKey())
    .addColumn('purpose', 'text', c => c.notNull())
    .addColumn('phone_hash', 'text', c => c.notNull())
    .addColumn('code_hash', 'text', c => c.notNull())
    .addColumn('attempts', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text', c => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('token_used_at', 'text')
    .addColumn('created_at', 'text', c => c.notNull())
    .execute()
  await db.schema.createIndex('verifications_phone_idx').on('verifications').columns(['phone_hash', 'purpose', 'created_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('verifications').execute()
  await db.schema.alterTable('notifications').dropColumn('claimed_until').execute()
  await db.schema.alterTable('notifications').dropColumn('claimed_by').execute()
}
