import type { Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // An anonymous attempt at a quiz: which items were drawn. Nothing about the person.
  await db.schema.createTable('quiz_attempts')
    .addColumn('id', 'text', c => c.primaryKey())
    .addColumn('quiz_slug', 'text', c => c.notNull())
    .addColumn('city_slug', 'text', c => c.notNull())
    .addColumn('item_ids', 'text', c => c.notNull())
    .addColumn('created_at', 'text', c => c.notNull())
    .execute()
  // One answer per item and attempt (the key refuses a second): the judgement, then the follow-up.
  await db.schema.createTable('quiz_answers')
    .addColumn('attempt_id', 'text', c => c.notNull().references('quiz_attempts.id').onDelete('cascade'))
    .addColumn('item_id', 'text', c => c.notNull())
    .addColumn('item_type', 'text', c => c.notNull())
    .addColumn('lookalike', 'text')
    .addColumn('kind', 'text', c => c.notNull())
    .addColumn('verdict', 'text', c => c.notNull())
    .addColumn('correct', 'integer', c => c.notNull())
    .addColumn('flags_found', 'integer')
    .addColumn('flags_total', 'integer')
    .addColumn('false_taps', 'integer')
    .addColumn('option_correct', 'integer')
    .addColumn('answered_at', 'text', c => c.notNull())
    .addPrimaryKeyConstraint('quiz_answers_pk', ['attempt_id', 'item_id'])
    .execute()
  await db.schema.createIndex('quiz_answers_type_idx').on('quiz_answers').columns(['item_type', 'lookalike']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('quiz_answers').execute()
  await db.schema.dropTable('quiz_attempts').execute()
}
