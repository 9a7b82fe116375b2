import { callParams, exportQuery } from '#shared/cases/requests'
import { findCall } from '~~/server/cases/calls'
import { exportColumns, exportDocument } from '~~/server/cases/export'

/** The same ranking as CSV: UTF-8, formula-safe; the BOM Excel wants unless `?bom=0`. */
export default defineEventHandler(async (event): Promise<string> => {
  const { slug } = await validParams(event, callParams)
  const { bom } = await validQuery(event, exportQuery)
  const { db, city } = await usePortal()
  const doc = await exportDocument(db, await findCall(db, city.slug, slug))
  const csv = toCsv(exportColumns, doc.rows.map(r => exportColumns.map((c) => {
    const v = r[c]
    return typeof v === 'boolean' ? (v ? 'true' : 'false') : v
  })))
  setResponseHeader(event, 'content-type', 'text/csv; charset=utf-8')
  setResponseHeader(event, 'content-disposition', `attachment; filename="${slug}-ranking.csv"`)
  cachePublic(event, 300)
  return bom === '0' ? csv.replace(/^\uFEFF/, '') : csv
})
