import { courseParams } from '#shared/courses/requests'
import type { PosterLink } from '#shared/events/views'
import { courseCatalogue } from '~~/server/courses/catalogue'
import { posterLink } from '~~/server/events/posters'

/** Where a course's poster leads: the course's page, with its QR code. */
export default defineEventHandler(async (event): Promise<PosterLink> => {
  const { slug } = await validParams(event, courseParams)
  const { city } = await usePortal()
  const course = (await courseCatalogue(event, city.slug)).find(c => c.slug === slug)
  if (!course) throw createError({ statusCode: 404, message: 'No such course' })
  return posterLink(event, `/courses/${course.slug}`)
})
