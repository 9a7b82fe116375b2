import type { Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
// Repeating classes (重复): a series keeps its iCalendar rule (RRULE without DTSTART; UNTIL in UTC), its first
// start (DTSTART) and the local dates it skips (EXDATE); each occurrence is an ordinary event, bookable on its
// own, that names its series. Editing "this and following" splits a series in two, as calendars do.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('event_series')
    .addColumn('id', 'text', c => c.primaryKey())
    .addColumn('city_slug', 'text', c => c.notNull())
    .addColumn('organisation_id', 'text', c => c.notNull().references('organisations.id'))
    .addColumn('rule', 'text', c => c.notNull())
    .addColumn('starts_at', 'text', c => c.notNull())
    .addColumn('exceptions', 'text', c => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', c => c.notNull())
    .addColumn('updated_at', 'text', c => c.notNull())
    .execute()
  await db.schema.alterTable('events').addColumn('series_id', 'text', c => c.references('event_series.id')).execute()
  // The start the series' rule gives this occurrence (its RECURRENCE-ID): differs from starts_at once it is moved on its own.
  await db.schema.alterTable('events').addColumn('series_start', 'text').execute()
  await db.schema.createIndex('events_series_idx').on('events').columns(['series_id', 'starts_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_series_idx').execute()
  await db.schema.alterTable('events').dropColumn('series_start').execute()
  await db.schema.alterTable('events').dropColumn('series_id').execute()
  await db.schema.dropTable('event_series').execute()
}
