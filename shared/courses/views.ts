import { z } from 'zod'
import { localizedView, pageOf, timestampSchema } from '../primitives'
import { courseAudiences, courseLevels, courseTopics } from './vocabulary'
import { simulationNames } from './simulations'

const lines = z.object({ zh: z.array(z.string()), en: z.array(z.string()) })

export const lessonOutline = z.object({
  slug: z.string(),
  title: localizedView,
  minutes: z.number().int(),
  steps: z.number().int(),
})
export type LessonOutline = z.infer<typeof lessonOutline>

/** A course as the catalogue lists it. */
export const courseCard = z.object({
  slug: z.string(),
  topic: z.enum(courseTopics),
  audiences: z.array(z.enum(courseAudiences)),
  level: z.enum(courseLevels),
  title: localizedView,
  summary: localizedView,
  lessonCount: z.number().int(),
  minutes: z.number().int(),
})
export type CourseCard = z.infer<typeof courseCard>

export const coursePage = pageOf(courseCard)

export const courseDetail = courseCard.extend({
  learn: lines,
  lessons: z.array(lessonOutline),
  /** In-person classes whose organizers linked them to this course, soonest first. */
  upcomingEvents: z.array(z.object({ slug: z.string(), title: localizedView, startsAt: timestampSchema, district: z.string(), districtName: localizedView })),
})
export type CourseDetail = z.infer<typeof courseDetail>

/** One screen of a lesson: its text as safe HTML, in both languages, and the simulated screen it practises on. */
export const lessonStep = z.object({
  title: localizedView,
  html: localizedView,
  simulation: z.enum(simulationNames).nullable(),
})
export type LessonStep = z.infer<typeof lessonStep>

export const lessonView = z.object({
  course: z.string(),
  courseTitle: localizedView,
  slug: z.string(),
  title: localizedView,
  minutes: z.number().int(),
  steps: z.array(lessonStep),
  summary: lines,
  check: z.array(z.object({
    question: localizedView,
    options: z.array(localizedView),
    answer: z.number().int(),
    explain: localizedView,
  })),
  /** The next lesson of the course, if any. */
  next: z.object({ slug: z.string(), title: localizedView }).nullable(),
})
export type LessonView = z.infer<typeof lessonView>
