import { illustratedStatisticsQuery, type IllustratedAdminStatisticsView } from '#shared/statistics/illustrated'
import { statisticsChartsSvg } from '~~/server/statistics/charts'
import { cachedStatistics } from '~~/server/statistics/cache'
import { statisticsSecret } from '~~/server/statistics/cell-key'
import { statisticsContext } from '~~/server/statistics/context'
import { operationalSection } from '~~/server/statistics/operational'

/** For /admin/statistics and its printed report: the admin figures with each chart drawn as SVG in one language. */
export default defineEventHandler(async (event): Promise<IllustratedAdminStatisticsView> => {
  const query = await validQuery(event, illustratedStatisticsQuery)
  await requireAdmin(event)
  const view = await cachedStatistics(event, query.year)
  if (!view) throw createError({ statusCode: 404, message: 'No statistics for that year' })
  const { db, city } = await usePortal()
  setResponseHeader(event, 'cache-control', 'no-store')
  const statistics = { ...view, operational: await operationalSection(statisticsContext(event, db, city, view.year, statisticsSecret())) }
  return { statistics, charts: statisticsChartsSvg(statistics, query.lang) }
})
