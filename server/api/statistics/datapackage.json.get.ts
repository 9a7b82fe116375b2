import { statisticsQuery } from '#shared/statistics/requests'
import type { DataPackageView } from '#shared/statistics/views'
import { cachedStatistics } from '~~/server/statistics/cache'
import { dataPackage } from '~~/server/statistics/open-data'

/** The year's tables as a Frictionless Data Package (CSV resources with Table Schemas, CC BY 4.0). */
export default defineEventHandler(async (event): Promise<DataPackageView> => {
  const query = await validQuery(event, statisticsQuery)
  const view = await cachedStatistics(event, query.year)
  if (!view) throw createError({ statusCode: 404, message: 'No statistics for that year' })
  const { city } = await usePortal()
  setResponseHeader(event, 'cache-control', `public, max-age=${portalConfig().pageCacheSeconds}`)
  return dataPackage(view, portalOrigin(event).origin, city)
})
