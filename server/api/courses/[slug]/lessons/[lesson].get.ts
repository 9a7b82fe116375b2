import { lessonParams } from '#shared/courses/requests'
import type { LessonView } from '#shared/courses/views'
import { courseCatalogue } from '~~/server/courses/catalogue'

export default defineEventHandler(async (event): Promise<LessonView> => {
  const { slug, lesson } = await validParams(event, lessonParams)
  const found = (await courseCatalogue(event, portalConfig().city)).find(c => c.slug === slug)?.lessons.find(l => l.slug === lesson)
  if (!found) throw createError({ statusCode: 404, message: 'No such lesson' })
  cachePublic(event)
  return found
})
