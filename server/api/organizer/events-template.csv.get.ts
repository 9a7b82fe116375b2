import { templateCsv } from '~~/server/events/import-template'

/** The import template as CSV (UTF-8 with BOM): Chinese headers and one example row. */
export default defineEventHandler(async (event): Promise<string> => {
  await requireOrganizer(event)
  const { db, city } = await usePortal()
  setResponseHeaders(event, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="events-import-template.csv"',
    'cache-control': 'no-store',
  })
  return templateCsv(db, city.slug)
})
