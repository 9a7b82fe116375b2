import { z } from 'zod'
import { codeSchema } from '../primitives'
import { courseAudiences, courseCities, courseLevels, courseTopics } from './vocabulary'

// The files editors write in content/courses/ (content/README.md). content.config.ts
// validates them with these schemas at build time; the unit tests do too, naming file and field.

const bothLanguages = <T extends z.ZodType>(item: T) => z.object({ zh: item, en: item }).strict()
const line = z.string().trim().min(1).max(300)

export const courseFile = z.object({
  slug: codeSchema,
  topic: z.enum(courseTopics),
  audiences: z.array(z.enum(courseAudiences)).min(1),
  level: z.enum(courseLevels),
  title: bothLanguages(z.string().trim().min(1).max(60)),
  summary: bothLanguages(line),
  learn: bothLanguages(z.array(line).min(2).max(5)),
  cities: z.array(z.enum(courseCities)).min(1).optional(),
})
export type CourseFile = z.infer<typeof courseFile>

const checkQuestion = z.object({
  question: line,
  options: z.array(z.string().trim().min(1).max(120)).min(2).max(4),
  answer: z.number().int().min(0),
  explain: line,
}).refine(q => q.answer < q.options.length, { message: 'answer is not an index into options', path: ['answer'] })

/** A lesson file's front matter. */
export const lessonFile = z.object({
  title: z.string().trim().min(1).max(60),
  minutes: z.number().int().min(1).max(60),
  summary: z.array(line).min(2).max(4),
  check: z.array(checkQuestion).min(2).max(3),
})
export type LessonFile = z.infer<typeof lessonFile>
