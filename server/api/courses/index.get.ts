import { courseListQuery } from '#shared/courses/requests'
import type { Page } from '#shared/primitives'
import type { CourseCard } from '#shared/courses/views'
import { courseCard, courseCatalogue } from '~~/server/courses/catalogue'

export default defineEventHandler(async (event): Promise<Page<CourseCard>> => {
  const query = await validQuery(event, courseListQuery)
  const courses = (await courseCatalogue(event, portalConfig().city)).filter(c =>
    (!query.topic || c.topic === query.topic)
    && (!query.audience || c.audiences.includes(query.audience))
    && (!query.level || c.level === query.level))
  const from = (query.page - 1) * query.pageSize
  cachePublic(event)
  return { items: courses.slice(from, from + query.pageSize).map(courseCard), total: courses.length, page: query.page, pageSize: query.pageSize }
})
