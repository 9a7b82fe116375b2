import type { H3Event } from 'h3'
import type { ProgressBody } from '#shared/courses/progress'
import { invalidFields } from '~~/server/utils/errors'
import { courseCatalogue } from './catalogue'

/** The course and lesson must exist in this city's catalogue, and the step in the lesson: a 422 naming the field otherwise. */
export async function checkAgainstCatalogue(event: H3Event, city: string, body: Pick<ProgressBody, 'course' | 'lesson' | 'done'> & { step?: number }) {
  const course = (await courseCatalogue(event, city)).find(c => c.slug === body.course)
  if (!course) throw invalidFields({ course: ['No such course'] })
  const lesson = course.lessons.find(l => l.slug === body.lesson)
  if (!lesson) throw invalidFields({ lesson: ['No such lesson in this course'] })
  if (body.step !== undefined && body.step > lesson.steps.length) throw invalidFields({ step: [`This lesson has ${lesson.steps.length} steps`] })
  const known = new Set(course.lessons.map(l => l.slug))
  if (body.done?.some(d => !known.has(d))) throw invalidFields({ done: ['No such lesson in this course'] })
}
