import { existsSync, renameSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Kysely } from 'kysely'
import type { WeekDates } from '~~/server/city/demo-week'
import { nowIso } from './ids'
import type { Database } from './schema'

/** The week this demo database was made for; a demo database from before weeks were kept served the profile's. */
export async function storedDemoWeek(db: Kysely<Database>, citySlug: string, profile: WeekDates): Promise<WeekDates | null> {
  const row = await db.selectFrom('demo_weeks').select(['starts_on', 'ends_on']).where('city_slug', '=', citySlug).executeTakeFirst()
  if (row) return { startsOn: row.starts_on, endsOn: row.ends_on }
  const seeded = await db.selectFrom('events').select('id').where('city_slug', '=', citySlug).where('source', '=', 'seed').limit(1).executeTakeFirst()
  return seeded ? profile : null
}

/** Records the week unless another instance already did; returns the one recorded, so every instance serves the same. */
export async function recordDemoWeek(db: Kysely<Database>, citySlug: string, week: WeekDates): Promise<WeekDates> {
  await db.insertInto('demo_weeks').values({ city_slug: citySlug, starts_on: week.startsOn, ends_on: week.endsOn, created_at: nowIso() })
    .onConflict(oc => oc.column('city_slug').doNothing()).execute()
  return (await storedDemoWeek(db, citySlug, week))!
}

/**
 * Moves a closed SQLite file (with its -wal and -shm, if any) aside as `portal-week-<start>.sqlite`
 * beside it, never over an earlier copy; returns the new path.
 */
export function setAsideSqlite(file: string, week: WeekDates): string {
  const stem = basename(file).replace(/\.sqlite$/, '')
  let target = join(dirname(file), `${stem}-week-${week.startsOn}.sqlite`)
  for (let n = 2; existsSync(target); n++) target = join(dirname(file), `${stem}-week-${week.startsOn}-${n}.sqlite`)
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix)
  return target
}
