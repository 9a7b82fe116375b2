import { z } from 'zod'
import { isoDateSchema, localizedView, optionalQuery } from '../primitives'

/** Days in Asia/Shanghai, both included; the last 30 days when not given. */
export const courseFiguresQuery = z.object({ from: optionalQuery(isoDateSchema), to: optionalQuery(isoDateSchema) })
  .refine(q => !q.from || !q.to || q.from <= q.to, { message: 'from is after to', path: ['from'] })

const lessonFigures = z.object({
  slug: z.string(),
  title: localizedView,
  starts: z.number().int(),
  completions: z.number().int(),
  /** How many reached each step, in order: step 1 first. */
  reached: z.array(z.number().int()),
  /** The step after which most learners left without finishing, or null when no one left. */
  mostLeaveAfter: z.number().int().nullable(),
})

/** Anonymous counts: no row behind them is about a person. */
export const courseFigures = z.object({
  from: z.string(),
  to: z.string(),
  courses: z.array(z.object({
    slug: z.string(),
    title: localizedView,
    starts: z.number().int(),
    completions: z.number().int(),
    days: z.array(z.object({ day: z.string(), starts: z.number().int(), completions: z.number().int() })),
    lessons: z.array(lessonFigures),
  })),
})
export type CourseFigures = z.infer<typeof courseFigures>
