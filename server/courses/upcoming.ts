import type { Kysely } from 'kysely'
import type { Database } from '~~/server/database/schema'
import type { CourseDetail } from '#shared/courses/views'

/** Published events of the city, not yet over, that their organizers linked to the course: the resident's district first, then soonest first. */
export async function upcomingEvents(db: Kysely<Database>, city: string, course: string, district?: string, now = new Date().toISOString()): Promise<CourseDetail['upcomingEvents']> {
  const rows = await db.selectFrom('event_courses as ec')
    .innerJoin('events as e', 'e.id', 'ec.event_id')
    .innerJoin('districts as d', join => join.onRef('d.city_slug', '=', 'e.city_slug').onRef('d.code', '=', 'e.district_code'))
    .select(['e.slug', 'e.title_zh', 'e.title_en', 'e.starts_at', 'e.district_code', 'd.name_zh as district_zh', 'd.name_en as district_en'])
    .where('ec.course_slug', '=', course)
    .where('e.city_slug', '=', city)
    .where('e.status', '=', 'published')
    .where('e.ends_at', '>', now)
    .orderBy('e.starts_at')
    .limit(10)
    .execute()
  const near = district ? [...rows.filter(r => r.district_code === district), ...rows.filter(r => r.district_code !== district)] : rows
  return near.map(r => ({
    slug: r.slug,
    title: { zh: r.title_zh, en: r.title_en },
    startsAt: r.starts_at,
    district: r.district_code,
    districtName: { zh: r.district_zh, en: r.district_en },
  }))
}
