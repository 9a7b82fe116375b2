import { statisticsCsvQuery, statisticsFileParams } from '#shared/statistics/requests'
import { cachedStatistics } from '~~/server/statistics/cache'
import { openDataFiles, tableCsv } from '~~/server/statistics/open-data'

/** One file of the data package as CSV (a table, or its totals: `<table>-totals.csv`) (UTF-8, formula-safe); `?bom=1` puts a byte-order mark first for Excel. */
export default defineEventHandler(async (event): Promise<string> => {
  const { file } = await validParams(event, statisticsFileParams)
  const query = await validQuery(event, statisticsCsvQuery)
  const view = await cachedStatistics(event, query.year)
  const table = view && openDataFiles(view).find(f => `${f.name}.csv` === file)
  if (!table) throw createError({ statusCode: 404, message: 'No such table for that year' })
  setResponseHeader(event, 'content-type', 'text/csv; charset=utf-8')
  setResponseHeader(event, 'content-disposition', `attachment; filename="${view.year}-${file}"`)
  setResponseHeader(event, 'cache-control', `public, max-age=${portalConfig().pageCacheSeconds}`)
  return tableCsv(table, query.bom === '1')
})
