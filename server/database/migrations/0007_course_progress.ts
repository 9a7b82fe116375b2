import type { Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The anonymous progress behind a resume code. The code itself is kept only as a keyed hash.
  await db.schema.createTable('course_progress')
    .addColumn('code_hash', 'text', c => c.primaryKey())
    .addColumn('courses_json', 'text', c => c.notNull())
    .addColumn('created_at', 'text', c => c.notNull())
    .addColumn('last_used_at', 'text', c => c.notNull())
    .execute()
  await db.schema.createIndex('course_progress_used_idx').on('course_progress').column('last_used_at').execute()

  // Counts only: how many reached each step of a lesson, and finished it, per day. No row is about a person.
  await db.schema.createTable('course_activity')
    .addColumn('day', 'text', c => c.notNull())
    .addColumn('course_slug', 'text', c => c.notNull())
    .addColumn('lesson_slug', 'text', c => c.notNull())
    // 1…n: reached that step; 0: finished the lesson
    .addColumn('step', 'integer', c => c.notNull())
    .addColumn('count', 'integer', c => c.notNull())
    .addPrimaryKeyConstraint('course_activity_pk', ['day', 'course_slug', 'lesson_slug', 'step'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('course_activity').execute()
  await db.schema.dropTable('course_progress').execute()
}
