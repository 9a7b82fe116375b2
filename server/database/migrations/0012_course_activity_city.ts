import { sql, type Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
// Lesson counts gain the city they were counted in, like every other record, so that
// cities sharing one database each see their own course figures. Counts made before
// this had no city: they go to the first city seeded, which in a database that served
// one city (every deployment so far) is that city.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('course_activity_by_city')
    .addColumn('city_slug', 'text', c => c.notNull())
    .addColumn('day', 'text', c => c.notNull())
    .addColumn('course_slug', 'text', c => c.notNull())
    .addColumn('lesson_slug', 'text', c => c.notNull())
    .addColumn('step', 'integer', c => c.notNull())
    .addColumn('count', 'integer', c => c.notNull())
    .addPrimaryKeyConstraint('course_activity_city_pk', ['city_slug', 'day', 'course_slug', 'lesson_slug', 'step'])
    .execute()
  await sql`insert into course_activity_by_city (city_slug, day, course_slug, lesson_slug, step, count)
    select coalesce((select slug from cities order by created_at, slug limit 1), ''), day, course_slug, lesson_slug, step, count
    from course_activity`.execute(db)
  await db.schema.dropTable('course_activity').execute()
  await db.schema.alterTable('course_activity_by_city').renameTo('course_activity').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('course_activity_any_city')
    .addColumn('day', 'text', c => c.notNull())
    .addColumn('course_slug', 'text', c => c.notNull())
    .addColumn('lesson_slug', 'text', c => c.notNull())
    .addColumn('step', 'integer', c => c.notNull())
    .addColumn('count', 'integer', c => c.notNull())
    .addPrimaryKeyConstraint('course_activity_pk', ['day', 'course_slug', 'lesson_slug', 'step'])
    .execute()
  await sql`insert into course_activity_any_city (day, course_slug, lesson_slug, step, count)
    select day, course_slug, lesson_slug, step, sum(count) from course_activity group by day, course_slug, lesson_slug, step`.execute(db)
  await db.schema.dropTable('course_activity').execute()
  await db.schema.alterTable('course_activity_any_city').renameTo('course_activity').execute()
}
