import { statisticsQuery } from '#shared/statistics/requests'
import type { AdminStatisticsView } from '#shared/statistics/views'
import { cachedStatistics } from '~~/server/statistics/cache'
import { statisticsSecret } from '~~/server/statistics/cell-key'
import { statisticsContext } from '~~/server/statistics/context'
import { operationalSection } from '~~/server/statistics/operational'

/** The same protected figures as the public page, plus operational ones (events close to full, many no-shows, messages that failed). */
export default defineEventHandler(async (event): Promise<AdminStatisticsView> => {
  const query = await validQuery(event, statisticsQuery)
  await requireAdmin(event)
  const view = await cachedStatistics(event, query.year)
  if (!view) throw createError({ statusCode: 404, message: 'No statistics for that year' })
  const { db, city } = await usePortal()
  setResponseHeader(event, 'cache-control', 'no-store')
  return { ...view, operational: await operationalSection(statisticsContext(event, db, city, view.year, statisticsSecret())) }
})
