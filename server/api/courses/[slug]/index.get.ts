import { courseParams, courseQuery } from '#shared/courses/requests'
import type { CourseDetail } from '#shared/courses/views'
import { courseCatalogue, courseDetail } from '~~/server/courses/catalogue'
import { upcomingEvents } from '~~/server/courses/upcoming'

export default defineEventHandler(async (event): Promise<CourseDetail> => {
  const { slug } = await validParams(event, courseParams)
  const { district } = await validQuery(event, courseQuery)
  const { db, city } = await usePortal()
  const course = (await courseCatalogue(event, city.slug)).find(c => c.slug === slug)
  if (!course) throw createError({ statusCode: 404, message: 'No such course' })
  // As an event's page: the list of classes may lag a booking or an edit by this long.
  cachePublic(event, 15)
  return courseDetail(course, await upcomingEvents(db, city.slug, course.slug, district))
})
