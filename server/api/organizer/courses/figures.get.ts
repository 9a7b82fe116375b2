import { courseFiguresQuery, type CourseFigures } from '#shared/courses/figures'
import { courseCatalogue } from '../../../courses/catalogue'
import { courseFigures } from '../../../courses/figures'
import { shanghaiDay } from '../../../courses/progress'

/** Anonymous lesson figures for organizers and admins: starts, completions per day, where learners stop. */
export default defineEventHandler(async (event): Promise<CourseFigures> => {
  const query = await validQuery(event, courseFiguresQuery)
  await requireOrganizer(event)
  const { db } = await usePortal()
  const to = query.to ?? shanghaiDay()
  const from = query.from ?? shanghaiDay(new Date(Date.parse(`${to}T12:00:00+08:00`) - 29 * 86_400_000))
  setResponseHeader(event, 'cache-control', 'no-store')
  return courseFigures(db, await courseCatalogue(event, portalConfig().city), from, to)
})
