import { illustratedStatisticsQuery, type IllustratedStatisticsView } from '#shared/statistics/illustrated'
import { statisticsChartsSvg } from '~~/server/statistics/charts'
import { cachedStatistics } from '~~/server/statistics/cache'

/** For /statistics: the year's statistics with each chart drawn as SVG in one language (the page runs no chart code). */
export default defineEventHandler(async (event): Promise<IllustratedStatisticsView> => {
  const query = await validQuery(event, illustratedStatisticsQuery)
  const statistics = await cachedStatistics(event, query.year)
  if (!statistics) throw createError({ statusCode: 404, message: 'No statistics for that year' })
  setResponseHeader(event, 'cache-control', `public, max-age=${portalConfig().pageCacheSeconds}`)
  return { statistics, charts: statisticsChartsSvg(statistics, query.lang) }
})
