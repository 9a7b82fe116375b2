import { courseParams } from '#shared/courses/requests'
import { sharePictureQuery } from '#shared/events/requests'
import { courseCard, courseCatalogue } from '~~/server/courses/catalogue'
import { posterLink } from '~~/server/events/posters'
import { courseShareCard } from '~~/server/events/share-cards'
import { sharePicture } from '~~/server/events/share-picture'

/** The course's poster as a picture for chat groups (PNG, 1080 px wide). */
export default defineEventHandler(async (event): Promise<Buffer> => {
  const { slug } = await validParams(event, courseParams)
  const { lang } = await validQuery(event, sharePictureQuery)
  const { city } = await usePortal()
  const course = (await courseCatalogue(event, city.slug)).find(c => c.slug === slug)
  if (!course) throw createError({ statusCode: 404, message: 'No such course' })
  const png = await sharePicture(courseShareCard(courseCard(course), city, await posterLink(event, `/courses/${course.slug}`), lang ?? 'zh-CN'))
  setResponseHeaders(event, { 'content-type': 'image/png', 'cache-control': 'public, max-age=300' })
  return png
})
