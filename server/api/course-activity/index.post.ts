import { activityBody } from '#shared/courses/progress'
import { countActivity } from '~~/server/courses/progress'
import { checkAgainstCatalogue } from '~~/server/courses/progress-check'

/** Counts a step reached or a lesson finished, for the organizers' figures. Nothing about the learner is kept. */
export default defineEventHandler(async (event) => {
  const body = await validBody(event, activityBody)
  await enforceRateLimit(event, residentLimit('course-activity', 300, 3600))
  const { db, city } = await usePortal()
  await checkAgainstCatalogue(event, city.slug, body)
  await countActivity(db, city.slug, body.course, body.lesson, body.completed ? 0 : body.step!)
  setResponseStatus(event, 204)
  return null
})
