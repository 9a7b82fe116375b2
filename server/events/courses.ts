import type { H3Event } from 'h3'
import type { Kysely } from 'kysely'
import type { Database } from '~~/server/database/schema'
import { writeTransaction } from '~~/server/database/write-transaction'
import { courseCatalogue } from '~~/server/courses/catalogue'

/** The courses an event says it teaches must be courses of this city (content/courses/); 422 otherwise. */
export async function assertCourses(event: H3Event, city: string, slugs: readonly string[] | undefined) {
  if (!slugs?.length) return
  const known = new Set((await courseCatalogue(event, city)).map(c => c.slug))
  const unknown = slugs.filter(s => !known.has(s))
  if (unknown.length) throw invalidFields({ courses: [`Unknown course: ${unknown.join(', ')}`] })
}

export async function setEventCourses(db: Kysely<Database>, eventId: string, slugs: readonly string[]) {
  await writeTransaction(db, async (trx) => {
    await trx.deleteFrom('event_courses').where('event_id', '=', eventId).execute()
    const unique = [...new Set(slugs)]
    // Two saves at once must both succeed: the second's rows are already there.
    if (unique.length) await trx.insertInto('event_courses').values(unique.map(s => ({ event_id: eventId, course_slug: s }))).onConflict(oc => oc.columns(['event_id', 'course_slug']).doNothing()).execute()
  })
}

export async function eventCourses(db: Kysely<Database>, eventId: string): Promise<string[]> {
  const rows = await db.selectFrom('event_courses').select('course_slug').where('event_id', '=', eventId).orderBy('course_slug').execute()
  return rows.map(r => r.course_slug)
}
