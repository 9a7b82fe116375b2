import { sql, type Kysely } from 'kysely'

// Shipped migrations are never edited; add a new file instead.
// Indexes that let the statistics be counted from the indexes alone (no table reads):
// a year's bookings grouped by event, status, age group and check-in; a year's quiz
// attempts of a city, and their answers by fraud type and verdict.
// Half a million answers joined to their attempts take seconds to count, so the judgements
// are also kept as daily counts (quiz_answer_days), written with each answer.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('registrations_statistics_idx').on('registrations')
    .columns(['event_id', 'status', 'age_group', 'checked_in_at', 'party_size']).execute()
  await db.schema.createIndex('quiz_attempts_city_created_idx').on('quiz_attempts').columns(['city_slug', 'created_at', 'quiz_slug']).execute()
  await db.schema.createIndex('quiz_answers_statistics_idx').on('quiz_answers').columns(['attempt_id', 'item_type', 'lookalike', 'verdict']).execute()
  await db.schema.createTable('quiz_answer_days')
    .addColumn('city_slug', 'text', c => c.notNull())
    .addColumn('day', 'text', c => c.notNull())
    .addColumn('item_type', 'text', c => c.notNull())
    .addColumn('lookalike', 'text', c => c.notNull())
    .addColumn('verdict', 'text', c => c.notNull())
    .addColumn('answers', 'integer', c => c.notNull())
    .addPrimaryKeyConstraint('quiz_answer_days_pk', ['city_slug', 'day', 'item_type', 'lookalike', 'verdict'])
    .execute()
  await rebuildQuizAnswerDays(db)
}

/**
 * Counts quiz_answer_days afresh from the raw answers (the backfill; the scale seed calls it too).
 * Grouped by the attempt's UTC hour in SQL, the same text in both dialects; Asia/Shanghai has no
 * daylight saving, so an hour falls in one Shanghai day.
 */
export async function rebuildQuizAnswerDays(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ city_slug: string, hour: string, item_type: string, lookalike: string | null, verdict: string, n: number | string }>`
    select t.city_slug, substr(t.created_at, 1, 13) as hour, a.item_type, a.lookalike, a.verdict, count(*) as n
    from quiz_answers a inner join quiz_attempts t on t.id = a.attempt_id
    group by t.city_slug, substr(t.created_at, 1, 13), a.item_type, a.lookalike, a.verdict`.execute(db)
  const days = new Map<string, { city_slug: string, day: string, item_type: string, lookalike: string, verdict: string, answers: number }>()
  for (const r of rows) {
    const day = new Date(Date.parse(`${r.hour}:00:00Z`) + 8 * 3_600_000).toISOString().slice(0, 10)
    const row = { city_slug: r.city_slug, day, item_type: r.item_type, lookalike: r.lookalike ?? '', verdict: r.verdict, answers: 0 }
    const key = [row.city_slug, day, row.item_type, row.lookalike, row.verdict].join('|')
    const known = days.get(key) ?? days.set(key, row).get(key)!
    known.answers += Number(r.n)
  }
  const all = [...days.values()]
  const write = async (trx: Kysely<unknown>) => {
    await sql`delete from quiz_answer_days`.execute(trx)
    for (let i = 0; i < all.length; i += 500) await trx.insertInto('quiz_answer_days' as never).values(all.slice(i, i + 500) as never).execute()
  }
  // The migrator already runs migrations inside a transaction.
  await (db.isTransaction ? write(db) : db.transaction().execute(write))
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('quiz_answer_days').execute()
  await db.schema.dropIndex('quiz_answers_statistics_idx').execute()
  await db.schema.dropIndex('quiz_attempts_city_created_idx').execute()
  await db.schema.dropIndex('registrations_statistics_idx').execute()
}
