import { z } from 'zod'
import { codeSchema, optionalQuery, pageQuery } from '../primitives'
import { courseAudiences, courseLevels, courseTopics } from './vocabulary'

export const courseListQuery = z.object({
  topic: optionalQuery(z.enum(courseTopics)),
  audience: optionalQuery(z.enum(courseAudiences)),
  level: optionalQuery(z.enum(courseLevels)),
  ...pageQuery(12),
})

export const courseParams = z.object({ slug: codeSchema })
/** The resident's district, if chosen: its classes come first. */
export const courseQuery = z.object({ district: optionalQuery(codeSchema) })
export const lessonParams = z.object({ slug: codeSchema, lesson: codeSchema })
