import type { H3Event } from 'h3'
import type { StatisticsView } from '#shared/statistics/views'
import { cityDay } from '#shared/utils/dates'
import { usePortal } from '~~/server/utils/db'
import { statisticsSecret } from './cell-key'
import { statisticsView, statisticsYears } from './view'

// Daily snapshots: the page, the JSON, the data package and its CSVs read the figures computed at
// the first request of the day (Asia/Shanghai), per city and year, until the day ends. A reader
// sees at most one change per day in a cell, however often they read or change their own records.
const snapshots = new Map<string, Promise<StatisticsView>>()

/** The year's public statistics as of today's snapshot, or null for a year with no records. */
export async function cachedStatistics(event: H3Event, year: number | undefined, now = new Date()): Promise<StatisticsView | null> {
  const { db, city } = await usePortal()
  const years = await statisticsYears(db, city, now)
  const wanted = year ?? years[0]!
  if (!years.includes(wanted)) return null
  const day = cityDay(now.toISOString())
  const key = `${city.slug} ${wanted} ${day}`
  const hit = snapshots.get(key)
  if (hit) return hit
  for (const old of snapshots.keys()) if (!old.endsWith(` ${day}`)) snapshots.delete(old)
  const view = statisticsView(event, db, city, wanted, statisticsSecret(), now)
  snapshots.set(key, view)
  view.catch(() => snapshots.delete(key))
  return view
}
