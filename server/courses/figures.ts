import type { Kysely } from 'kysely'
import type { CourseFigures } from '#shared/courses/figures'
import type { Database } from '~~/server/database/schema'
import type { LessonView } from '#shared/courses/views'
import type { LocalizedText } from '#shared/primitives'

interface CatalogueCourse { slug: string, title: LocalizedText, lessons: LessonView[] }

/** Starts (step 1 reached), completions (step 0) and the step where most left, per course and lesson, from the counts. */
export async function courseFigures(db: Kysely<Database>, city: string, catalogue: CatalogueCourse[], from: string, to: string): Promise<CourseFigures> {
  const rows = await db.selectFrom('course_activity').select(['day', 'course_slug', 'lesson_slug', 'step', 'count']).where('city_slug', '=', city)
    .where('day', '>=', from).where('day', '<=', to).execute()
  const courses = catalogue.map((course) => {
    const mine = rows.filter(r => r.course_slug === course.slug)
    const lessons = course.lessons.map((lesson) => {
      const of = mine.filter(r => r.lesson_slug === lesson.slug)
      const sum = (step: number) => of.filter(r => r.step === step).reduce((n, r) => n + Number(r.count), 0)
      const reached = lesson.steps.map((_, i) => sum(i + 1))
      const completions = sum(0)
      // Who reached step n but not n+1 (or, at the last step, did not finish) left after step n.
      const left = reached.map((n, i) => Math.max(0, n - (i + 1 < reached.length ? reached[i + 1]! : completions)))
      const most = Math.max(0, ...left)
      return { slug: lesson.slug, title: lesson.title, starts: reached[0] ?? 0, completions, reached, mostLeaveAfter: most > 0 ? left.indexOf(most) + 1 : null }
    })
    const byDay = new Map<string, { starts: number, completions: number }>()
    for (const r of mine) {
      const day = byDay.get(r.day) ?? { starts: 0, completions: 0 }
      if (r.step === 1) day.starts += Number(r.count)
      if (r.step === 0) day.completions += Number(r.count)
      byDay.set(r.day, day)
    }
    return {
      slug: course.slug,
      title: course.title,
      starts: lessons.reduce((n, l) => n + l.starts, 0),
      completions: lessons.reduce((n, l) => n + l.completions, 0),
      days: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, v]) => ({ day, ...v })),
      lessons,
    }
  })
  return { from, to, courses }
}
