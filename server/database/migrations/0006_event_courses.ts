import type { Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Which courses (content/courses/<slug>) an event teaches; course pages list the upcoming ones.
  await db.schema.createTable('event_courses')
    .addColumn('event_id', 'text', c => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('course_slug', 'text', c => c.notNull())
    .addPrimaryKeyConstraint('event_courses_pk', ['event_id', 'course_slug'])
    .execute()
  await db.schema.createIndex('event_courses_course_idx').on('event_courses').columns(['course_slug', 'event_id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_courses').execute()
}
