import type { H3Event } from 'h3'
import { queryCollection } from '@nuxt/content/server'
import { contentEvent } from '~~/server/utils/content'
import type { CourseFile, LessonFile } from '#shared/courses/content'
import type { CourseCard, CourseDetail, LessonView } from '#shared/courses/views'
import { renderStep, sourceSteps, stepsForCity } from './lesson-markdown'

/** A course with its lessons, for one city, as the API's views are cut from it. */
interface Course extends CourseFile {
  lessons: LessonView[]
}

interface LessonItem extends LessonFile {
  stem: string
  rawbody: string
}

/** `courses/<course>/<nn>-<lesson>.<lang>` → course and lesson slugs and the order. */
function lessonKey(stem: string) {
  const match = /courses\/([^/]+)\/(\d+)-([^/.]+)\.[^/]+$/i.exec(stem)
  return match ? { course: match[1]!, order: Number(match[2]), slug: match[3]! } : null
}

function buildLesson(course: CourseFile, zh: LessonItem, en: LessonItem, city: string, slug: string): LessonView | null {
  const zhSteps = stepsForCity(sourceSteps(zh.rawbody), city)
  const enSteps = stepsForCity(sourceSteps(en.rawbody), city)
  // The content tests keep the languages in step; a pair that still differs is left out rather than mixed up.
  if (!zhSteps.length || zhSteps.length !== enSteps.length || zh.check.length !== en.check.length) return null
  return {
    course: course.slug,
    courseTitle: course.title,
    slug,
    title: { zh: zh.title, en: en.title },
    minutes: zh.minutes,
    steps: zhSteps.map((s, i) => ({
      title: { zh: s.title, en: enSteps[i]!.title },
      html: { zh: renderStep(s.markdown), en: renderStep(enSteps[i]!.markdown) },
      simulation: s.simulation,
    })),
    summary: { zh: zh.summary, en: en.summary },
    check: zh.check.map((q, i) => ({
      question: { zh: q.question, en: en.check[i]!.question },
      options: q.options.map((o, j) => ({ zh: o, en: en.check[i]!.options[j] ?? o })),
      answer: q.answer,
      explain: { zh: q.explain, en: en.check[i]!.explain },
    })),
    next: null,
  }
}

async function load(event: H3Event, city: string): Promise<Course[]> {
  const [courses, zhLessons, enLessons] = await Promise.all([
    queryCollection(contentEvent(event), 'courses').all(),
    queryCollection(contentEvent(event), 'lessonsZh').all(),
    queryCollection(contentEvent(event), 'lessonsEn').all(),
  ])
  const en = new Map(enLessons.map(l => [l.stem.replace(/\.en$/i, ''), l as unknown as LessonItem]))
  return courses
    .filter(c => !c.cities || c.cities.includes(city as never))
    .map((c) => {
      const lessons = (zhLessons as unknown as LessonItem[])
        .map(zh => ({ zh, key: lessonKey(zh.stem), en: en.get(zh.stem.replace(/\.zh-cn$/i, '')) }))
        .filter(l => l.key?.course === c.slug && l.en)
        .sort((a, b) => a.key!.order - b.key!.order)
        .map(l => buildLesson(c, l.zh, l.en!, city, l.key!.slug))
        .filter(l => l !== null)
      lessons.forEach((l, i) => (l.next = lessons[i + 1] ? { slug: lessons[i + 1]!.slug, title: lessons[i + 1]!.title } : null))
      return { ...(c as CourseFile), lessons }
    })
    .filter(c => c.lessons.length > 0)
    .sort((a, b) => a.slug.localeCompare(b.slug))
}

// Content is fixed at build time: parsed and rendered once per process and city.
let cached: { city: string, courses: Promise<Course[]> } | null = null

export function courseCatalogue(event: H3Event, city: string) {
  if (!cached || cached.city !== city) {
    cached = { city, courses: load(event, city) }
    cached.courses.catch(() => (cached = null))
  }
  return cached.courses
}

export function courseCard(c: Course): CourseCard {
  return {
    slug: c.slug,
    topic: c.topic,
    audiences: c.audiences,
    level: c.level,
    title: c.title,
    summary: c.summary,
    lessonCount: c.lessons.length,
    minutes: c.lessons.reduce((sum, l) => sum + l.minutes, 0),
  }
}

export function courseDetail(c: Course, upcomingEvents: CourseDetail['upcomingEvents']): CourseDetail {
  return {
    ...courseCard(c),
    learn: c.learn,
    lessons: c.lessons.map(l => ({ slug: l.slug, title: l.title, minutes: l.minutes, steps: l.steps.length })),
    upcomingEvents,
  }
}
