import { z } from 'zod'
import { CODE_ALPHABET, codeSchema, timestampSchema } from '../primitives'

export const RESUME_CODE_LENGTH = 7
/** Days without use after which the server forgets a resume code and its progress. */
export const RESUME_CODE_DAYS = 180

/** A resume code as a learner types it: any case, spaces and dashes ignored. */
export const resumeCodeSchema = z.string().max(40)
  .transform(v => v.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${CODE_ALPHABET}]{6,8}$`), { message: 'A resume code is 6 to 8 letters and digits' }))
export const progressParams = z.object({ code: resumeCodeSchema })

/** Where a learner is in one course. */
export const courseProgress = z.object({
  lesson: codeSchema,
  step: z.number().int().min(1).max(50),
  done: z.array(codeSchema).max(20),
})
export type CourseProgress = z.infer<typeof courseProgress>

/** One step opened (or a lesson finished) in a course; `done` carries lessons finished before the code existed. */
export const progressBody = z.object({
  course: codeSchema,
  lesson: codeSchema,
  step: z.number().int().min(1).max(50),
  completed: z.boolean().optional(),
  done: z.array(codeSchema).max(20).optional(),
}).strict()
export type ProgressBody = z.infer<typeof progressBody>

/** The anonymous progress behind a resume code: nothing about the person. */
export const progressView = z.object({
  resumeCode: z.string(),
  courses: z.record(z.string(), courseProgress),
  updatedAt: timestampSchema,
  forgetAfter: timestampSchema,
})
export type ProgressView = z.infer<typeof progressView>

/** An anonymous count: a lesson's step was reached, or the lesson was finished. */
export const activityBody = z.object({
  course: codeSchema,
  lesson: codeSchema,
  step: z.number().int().min(1).max(50).optional(),
  completed: z.boolean().optional(),
}).strict().refine(b => (b.step === undefined) !== (b.completed === undefined), { message: 'either step or completed', path: ['step'] })
