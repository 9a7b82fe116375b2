import type { Kysely } from 'kysely'
import { createDatabase, type DialectName } from '~~/server/database/client'
import { migrateToLatest } from '~~/server/database/migrate'
import type { Database } from '~~/server/database/schema'
import { seedCity } from '~~/server/database/seed'
import { loadCityProfile } from '~~/server/city/profile'
import { seedDemo } from '~~/server/database/demo'
import { recordDemoWeek, setAsideSqlite, storedDemoWeek } from '~~/server/database/demo-week'
import { planDemoWeek, withWeek } from '~~/server/city/demo-week'
import { cityDay } from '#shared/utils/dates'
import type { CityProfile } from '#shared/city/profile'
import { portalConfig } from './config'

interface Ready {
  db: Kysely<Database>
  dialect: DialectName
  migration: string | null
  /** The profile, with the demo's week when the demo serves one of its own. */
  city: CityProfile
}

let ready: Promise<Ready> | undefined

async function open(config: ReturnType<typeof portalConfig>, profile: CityProfile) {
  const { db, dialect } = createDatabase({ url: config.databaseUrl, sqliteFile: config.sqliteFile })
  const migration = await migrateToLatest(db)
  await seedCity(db, profile)
  return { db, dialect, migration }
}

/** Opens, migrates and seeds the database once per process; every caller awaits the same start-up. */
export function initPortal(): Promise<Ready> {
  ready ??= (async () => {
    const config = portalConfig()
    const profile = loadCityProfile(config.city)
    let opened = await open(config, profile)
    if (!config.demoAccounts) return { ...opened, city: profile }
    // The demo stays alive on any day: see server/city/demo-week.ts and the README's first section.
    const plan = planDemoWeek(profile.week, await storedDemoWeek(opened.db, profile.slug, profile.week), cityDay())
    let week = plan.week
    if (plan.action === 'rebuild' && opened.dialect === 'sqlite') {
      await opened.db.destroy()
      const kept = setAsideSqlite(config.sqliteFile, plan.was)
      console.log(`[portal] demo: this database was made for the week ${plan.was.startsOn} to ${plan.was.endsOn}, which is over; it is kept as ${kept}, and a new demo is built for ${week.startsOn} to ${week.endsOn}`)
      opened = await open(config, profile)
    }
    else if (plan.action === 'rebuild') {
      week = plan.was
      console.log(`[portal] demo: the demo data on PostgreSQL was made for the week ${week.startsOn} to ${week.endsOn}, which is over; it is kept as it is (drop the schema to build a demo for the coming week)`)
    }
    else if (plan.action === 'start' && week.startsOn !== profile.week.startsOn) {
      console.log(`[portal] demo: the profile's week (${profile.week.startsOn} to ${profile.week.endsOn}) is over; the demo serves ${week.startsOn} to ${week.endsOn}`)
    }
    const city = withWeek(profile, await recordDemoWeek(opened.db, profile.slug, week))
    await seedDemo(opened.db, city, hashPassword, config.demoPassword)
    return { ...opened, city }
  })()
  return ready
}

export async function useDb(): Promise<Kysely<Database>> {
  return (await initPortal()).db
}

export async function usePortal(): Promise<Ready> {
  return initPortal()
}
