import type { H3Event } from 'h3'
import type { StatisticsView } from '../../shared/statistics/views'
import { portalConfig } from '../utils/config'
import { usePortal } from '../utils/db'
import { statisticsView, statisticsYears } from './view'

// The page, the JSON, the data package and its CSVs read the same figures: computed once per
// city and year for as long as a public page is cached, so a burst of downloads costs one computation.
const memo = new Map<string, { at: number, view: Promise<StatisticsView> }>()

/** The year's public statistics, or null for a year with no records. */
export async function cachedStatistics(event: H3Event, year: number | undefined): Promise<StatisticsView | null> {
  const { db, city } = await usePortal()
  const years = await statisticsYears(db, city)
  const wanted = year ?? years[0]!
  if (!years.includes(wanted)) return null
  const ttl = portalConfig().pageCacheSeconds * 1000
  const key = `${city.slug} ${wanted}`
  const hit = memo.get(key)
  if (hit && ttl && Date.now() - hit.at < ttl) return hit.view
  const view = statisticsView(event, db, city, wanted)
  memo.set(key, { at: Date.now(), view })
  view.catch(() => memo.delete(key))
  return view
}
