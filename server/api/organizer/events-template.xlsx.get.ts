import { templateXlsx } from '~~/server/events/import-template'
import { organizerLanguage } from '~~/server/events/organizer-i18n'

/** The import template as an Excel workbook: Chinese headers, one example row, a sheet of the choices. */
export default defineEventHandler(async (event): Promise<Buffer> => {
  await requireOrganizer(event)
  const { db, city } = await usePortal()
  setResponseHeaders(event, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': 'attachment; filename="events-import-template.xlsx"',
    'cache-control': 'no-store',
  })
  return templateXlsx(db, city.slug, organizerLanguage(event))
})
