import { statisticsQuery } from '#shared/statistics/requests'
import type { StatisticsView } from '#shared/statistics/views'
import { cachedStatistics } from '~~/server/statistics/cache'

/** The year's participation statistics, every count from residents' records already suppressed. */
export default defineEventHandler(async (event): Promise<StatisticsView> => {
  const query = await validQuery(event, statisticsQuery)
  const view = await cachedStatistics(event, query.year)
  if (!view) throw createError({ statusCode: 404, message: 'No statistics for that year' })
  setResponseHeader(event, 'cache-control', `public, max-age=${portalConfig().pageCacheSeconds}`)
  return view
})
