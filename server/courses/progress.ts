import { randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { CODE_ALPHABET } from '#shared/primitives'
import { RESUME_CODE_DAYS, RESUME_CODE_LENGTH, type CourseProgress, type ProgressBody, type ProgressView } from '#shared/courses/progress'
import { cityDay } from '#shared/utils/dates'
import type { Database } from '~~/server/database/schema'
import { dialectOf } from '~~/server/database/dialect'
import { nowIso } from '~~/server/database/ids'
import { writeTransaction } from '~~/server/database/write-transaction'
import { lookupHash } from '~~/server/privacy/crypto'
import { definePurger } from '~~/server/privacy/retention'

const DAY_MS = 24 * 60 * 60 * 1000
type Courses = Record<string, CourseProgress>

export const newResumeCode = () => Array.from({ length: RESUME_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
const forgetAfter = (lastUsed: string) => new Date(Date.parse(lastUsed) + RESUME_CODE_DAYS * DAY_MS).toISOString()
const cutoff = (now: string) => new Date(Date.parse(now) - RESUME_CODE_DAYS * DAY_MS).toISOString()

function merge(courses: Courses, body: ProgressBody): Courses {
  const before = courses[body.course]
  const done = new Set([...(before?.done ?? []), ...(body.done ?? []), ...(body.completed ? [body.lesson] : [])])
  return { ...courses, [body.course]: { lesson: body.lesson, step: body.step, done: [...done] } }
}

const view = (code: string, courses: Courses, updatedAt: string): ProgressView => ({ resumeCode: code, courses, updatedAt, forgetAfter: forgetAfter(updatedAt) })

/** A new resume code holding this progress. Codes are drawn until one is free (the table's key decides). */
export async function createProgress(db: Kysely<Database>, body: ProgressBody, now = nowIso()): Promise<ProgressView> {
  const courses = merge({}, body)
  for (let attempt = 0; ; attempt++) {
    const code = newResumeCode()
    const inserted = await db.insertInto('course_progress')
      .values({ code_hash: await lookupHash(`resume:${code}`), courses_json: JSON.stringify(courses), created_at: now, last_used_at: now })
      .onConflict(oc => oc.column('code_hash').doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return view(code, courses, now)
    if (attempt > 5) throw new Error('No free resume code was found')
  }
}

/** The progress behind a code (null when unknown or forgotten); using it keeps it another 180 days. */
export async function readProgress(db: Kysely<Database>, code: string, now = nowIso()): Promise<ProgressView | null> {
  const row = await db.selectFrom('course_progress').select(['code_hash', 'courses_json'])
    .where('code_hash', '=', await lookupHash(`resume:${code}`)).where('last_used_at', '>', cutoff(now)).executeTakeFirst()
  if (!row) return null
  await db.updateTable('course_progress').set({ last_used_at: now }).where('code_hash', '=', row.code_hash).execute()
  return view(code, JSON.parse(row.courses_json) as Courses, now)
}

/** Records a step (or a finished lesson) behind an existing code. The row is locked while it is merged, so two devices writing at once lose nothing. */
export async function updateProgress(db: Kysely<Database>, code: string, body: ProgressBody, now = nowIso()): Promise<ProgressView | null> {
  const hash = await lookupHash(`resume:${code}`)
  return writeTransaction(db, async (trx) => {
    let query = trx.selectFrom('course_progress').select(['courses_json']).where('code_hash', '=', hash).where('last_used_at', '>', cutoff(now))
    // SQLite has one writer, and writeTransaction runs works one after another; PostgreSQL needs the row lock.
    if (dialectOf(db) === 'postgres') query = query.forUpdate()
    const row = await query.executeTakeFirst()
    if (!row) return null
    const courses = merge(JSON.parse(row.courses_json) as Courses, body)
    await trx.updateTable('course_progress').set({ courses_json: JSON.stringify(courses), last_used_at: now }).where('code_hash', '=', hash).execute()
    return view(code, courses, now)
  })
}

/** Resume codes unused for 180 days are forgotten, progress and all. */
export const progressPurger = definePurger({
  name: 'course-progress',
  async purge(db, now) {
    const result = await db.deleteFrom('course_progress').where('last_used_at', '<=', cutoff(now)).executeTakeFirst()
    return Number(result.numDeletedRows)
  },
})

/** One more learner reached this step (1…) or finished the lesson (0). Counts only. */
export async function countActivity(db: Kysely<Database>, city: string, course: string, lesson: string, step: number, day = cityDay()) {
  await db.insertInto('course_activity')
    .values({ city_slug: city, day, course_slug: course, lesson_slug: lesson, step, count: 1 })
    .onConflict(oc => oc.columns(['city_slug', 'day', 'course_slug', 'lesson_slug', 'step']).doUpdateSet({ count: sql<number>`course_activity.count + 1` }))
    .execute()
}
