import type { H3Event } from 'h3'
import type { Kysely } from 'kysely'
import type { CityProfile } from '../../shared/city/profile'
import { HIDDEN_MARKER, SMALL_MARKER, SUPPRESSION_THRESHOLD, type StatisticsView } from '../../shared/statistics/views'
import { SUPPRESSION_RULE } from '../../shared/statistics/suppression'
import type { Database } from '../database/schema'
import { shanghaiYear, statisticsContext } from './context'
import { statisticsSections } from './registry'

export const suppressionInfo = { threshold: SUPPRESSION_THRESHOLD, marker: SMALL_MARKER, hiddenMarker: HIDDEN_MARKER, rule: SUPPRESSION_RULE } as const

/** The current year in Asia/Shanghai: the default. */
export const currentYear = (now = new Date()) => shanghaiYear(now)

export async function statisticsYears(db: Kysely<Database>, city: CityProfile, now = new Date()): Promise<number[]> {
  const years = new Set([currentYear(now)])
  for (const section of statisticsSections) for (const y of await section.years(db, city.slug)) if (y <= currentYear(now)) years.add(y)
  return [...years].sort((a, b) => b - a)
}

/** Every registered section for one year, already suppressed. */
export async function statisticsView(event: H3Event, db: Kysely<Database>, city: CityProfile, year: number, now = new Date()): Promise<StatisticsView> {
  const ctx = statisticsContext(event, db, city, year, now)
  const [years, ...built] = await Promise.all([statisticsYears(db, city, now), ...statisticsSections.map(async s => [s.key, await s.build(ctx)] as const)])
  const sections = Object.fromEntries(built) as StatisticsView['sections']
  const week = city.week.startsOn.startsWith(String(year)) ? { startsOn: city.week.startsOn, endsOn: city.week.endsOn } : null
  return { generatedAt: now.toISOString(), suppression: suppressionInfo, year, years, period: { from: ctx.from, to: ctx.to, week }, sections }
}
