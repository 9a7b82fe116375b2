import { courseFiguresQuery, type CourseFigures } from '#shared/courses/figures'
import { courseCatalogue } from '~~/server/courses/catalogue'
import { courseFigures } from '~~/server/courses/figures'
import { cityDay } from '#shared/utils/dates'

/** Anonymous lesson figures for organizers and admins: starts, completions per day, where learners stop. */
export default defineEventHandler(async (event): Promise<CourseFigures> => {
  const query = await validQuery(event, courseFiguresQuery)
  await requireOrganizer(event)
  const { db, city } = await usePortal()
  const to = query.to ?? cityDay()
  const from = query.from ?? cityDay(new Date(Date.parse(`${to}T12:00:00+08:00`) - 29 * 86_400_000))
  setResponseHeader(event, 'cache-control', 'no-store')
  return courseFigures(db, city.slug, await courseCatalogue(event, city.slug), from, to)
})
