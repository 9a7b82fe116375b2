import { statisticsQuery } from '#shared/statistics/requests'
import { cachedStatistics } from '~~/server/statistics/cache'
import { dataPackageZip } from '~~/server/statistics/open-data'

/** The year's data package as one zip: datapackage.json with relative paths and every CSV beside it (CC BY 4.0). */
export default defineEventHandler(async (event): Promise<Buffer> => {
  const query = await validQuery(event, statisticsQuery)
  const view = await cachedStatistics(event, query.year)
  if (!view) throw createError({ statusCode: 404, message: 'No statistics for that year' })
  const { city } = await usePortal()
  const zip = dataPackageZip(view, portalOrigin(event).origin, city)
  setResponseHeaders(event, {
    'content-type': 'application/zip',
    'content-disposition': `attachment; filename="${city.slug}-information-consumption-week-${view.year}.zip"`,
    'cache-control': `public, max-age=${portalConfig().pageCacheSeconds}`,
  })
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)
})
