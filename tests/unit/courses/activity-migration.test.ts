// test-clock: the days below are rows written into the table, not compared with today.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCityProfile } from '~~/server/city/profile'
import { migrateToLatest } from '~~/server/database/migrate'
import { migrations } from '~~/server/database/migrations'
import { seedCity } from '~~/server/database/seed'
import { dialects, type TestDatabase } from '~~/tests/support/databases'

const tianjin = parseCityProfile('seeds/tianjin.json', readFileSync(join(import.meta.dirname, '../../../seeds/tianjin.json'), 'utf8'))

describe.each(dialects)('lesson counts gain their city on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
  })
  afterAll(async () => {
    await t?.close()
  })

  it('keeps the counts made before 0012 and gives them the city the database served', async () => {
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0012'))
    const { error } = await new Migrator({ db: t.db, provider: { getMigrations: async () => before } }).migrateToLatest()
    expect(error).toBeUndefined()
    await seedCity(t.db, tianjin)
    await sql`insert into course_activity (day, course_slug, lesson_slug, step, count) values ('2026-12-03', 'c1', 'l1', 1, 12), ('2026-12-03', 'c1', 'l1', 0, 4)`.execute(t.db)
    await migrateToLatest(t.db)
    const rows = await t.db.selectFrom('course_activity').selectAll().orderBy('step').execute()
    expect(rows.map(r => ({ ...r, count: Number(r.count) }))).toEqual([
      { city_slug: 'tianjin', day: '2026-12-03', course_slug: 'c1', lesson_slug: 'l1', step: 0, count: 4 },
      { city_slug: 'tianjin', day: '2026-12-03', course_slug: 'c1', lesson_slug: 'l1', step: 1, count: 12 },
    ])
  })
})
