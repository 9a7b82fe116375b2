import type { H3Event } from 'h3'
import type { Kysely } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import type { StatisticsSection, StatisticsSectionKey } from '#shared/statistics/views'
import type { Database } from '~~/server/database/schema'
import type { CellScope } from './system'

/** What a section builder is given: the year as days in Asia/Shanghai and as UTC instants [fromIso, toIso). */
export interface StatisticsContext {
  db: Kysely<Database>
  city: CityProfile
  year: number
  from: string
  to: string
  fromIso: string
  toIso: string
  now: Date
  /** The request, for content read through @nuxt/content (course and quiz titles). */
  event: H3Event
  /** The deployment's secret for the protected counts' cell keys (cell-key.ts). */
  secret: Uint8Array
}

/** Where a section's protected counts take their changes from: one name per city, year and section. */
export const cellScope = (ctx: StatisticsContext, section: string): CellScope => ({ secret: ctx.secret, name: `${ctx.city.slug}|${ctx.year}|${section}` })

/** A domain's part of the statistics, registered in registry.ts. */
export interface SectionBuilder {
  key: StatisticsSectionKey
  build: (ctx: StatisticsContext) => Promise<StatisticsSection>
  /** The years this domain has records for, for the year picker. */
  years: (db: Kysely<Database>, city: string) => Promise<number[]>
}

const SHANGHAI_MS = 8 * 3_600_000

export const shanghaiYear = (date: Date) => Number(new Date(date.getTime() + SHANGHAI_MS).toISOString().slice(0, 4))
export const yearStartIso = (year: number) => new Date(Date.parse(`${year}-01-01T00:00:00+08:00`)).toISOString()

export function statisticsContext(event: H3Event, db: Kysely<Database>, city: CityProfile, year: number, secret: Uint8Array, now = new Date()): StatisticsContext {
  return { db, city, year, from: `${year}-01-01`, to: `${year}-12-31`, fromIso: yearStartIso(year), toIso: yearStartIso(year + 1), now, event, secret }
}

/** Years of ISO instants as stored (text), in Asia/Shanghai; with `range`, every year from the first to the last. */
export function yearsOf(instants: Array<string | null | undefined>, range = false): number[] {
  const years = [...new Set(instants.filter((v): v is string => !!v).map(v => shanghaiYear(new Date(v))))]
  if (!range || !years.length) return years
  const [low, high] = [Math.min(...years), Math.max(...years)]
  return Array.from({ length: high - low + 1 }, (_, i) => low + i)
}
