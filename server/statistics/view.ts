import type { H3Event } from 'h3'
import type { Kysely } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import { HIDDEN_MARKER, MAX_CHANGE, SMALL_MARKER, SUPPRESSION_THRESHOLD, type StatisticsView } from '#shared/statistics/views'
import { DISCLOSURE_RULE } from '#shared/statistics/perturbation'
import type { Database } from '~~/server/database/schema'
import { shanghaiYear, statisticsContext } from './context'
import { statisticsSections } from './registry'

export const suppressionInfo = { threshold: SUPPRESSION_THRESHOLD, marker: SMALL_MARKER, hiddenMarker: HIDDEN_MARKER, maxChange: MAX_CHANGE, rule: DISCLOSURE_RULE } as const

/** The current year in Asia/Shanghai: the default. */
export const currentYear = (now = new Date()) => shanghaiYear(now)

export async function statisticsYears(db: Kysely<Database>, city: CityProfile, now = new Date()): Promise<number[]> {
  const years = new Set([currentYear(now)])
  for (const section of statisticsSections) for (const y of await section.years(db, city.slug)) if (y <= currentYear(now)) years.add(y)
  return [...years].sort((a, b) => b - a)
}

/** Every registered section for one year, each count published by the disclosure rule (shared/statistics/perturbation.ts). */
export async function statisticsView(event: H3Event, db: Kysely<Database>, city: CityProfile, year: number, secret: Uint8Array, now = new Date()): Promise<StatisticsView> {
  const ctx = statisticsContext(event, db, city, year, secret, now)
  const [years, ...built] = await Promise.all([statisticsYears(db, city, now), ...statisticsSections.map(async s => [s.key, await s.build(ctx)] as const)])
  const sections = Object.fromEntries(built) as StatisticsView['sections']
  const week = city.week.startsOn.startsWith(String(year)) ? { startsOn: city.week.startsOn, endsOn: city.week.endsOn } : null
  return { generatedAt: now.toISOString(), suppression: suppressionInfo, year, years, period: { from: ctx.from, to: ctx.to, week }, sections }
}
