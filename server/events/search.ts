import type { Kysely } from 'kysely'
import type { EventListQuery } from '#shared/events/requests'
import { searchTerms } from '#shared/events/search-words'
import type { Database } from '~~/server/database/schema'
import { eventQuery } from './views'

/** Published events of a city that have not ended, narrowed by a list query's filters (leave some out with `except`). */
export function filteredEvents(db: Kysely<Database>, city: { slug: string, week: { startsOn: string } }, query: EventListQuery, now: string, except: readonly ('district' | 'date')[] = []) {
  let base = eventQuery(db).where('e.city_slug', '=', city.slug).where('e.status', '=', 'published').where('e.ends_at', '>', now)
  if (query.district && !except.includes('district')) base = base.where('e.district_code', '=', query.district)
  if (query.venue) base = base.where('e.venue_id', 'in', eb => eb.selectFrom('venues').select('id').where('city_slug', '=', city.slug).where('code', '=', query.venue!))
  if (query.category) base = base.where('e.category', '=', query.category)
  if (query.format) base = base.where('e.format', '=', query.format)
  if (query.audience?.length) base = base.where(eb => eb.or(query.audience!.map(a => eb('e.audience', 'like', `%,${a},%`))))
  if (query.date !== undefined && !except.includes('date')) {
    const day = typeof query.date === 'number' ? weekDay(city.week.startsOn, query.date) : query.date
    const start = new Date(`${day}T00:00:00+08:00`)
    base = base.where('e.starts_at', '>=', start.toISOString()).where('e.starts_at', '<', new Date(start.getTime() + 86_400_000).toISOString())
  }
  if (query.q) {
    // The words typed, their everyday synonyms, and the courses they name (shared/events/search-words.ts).
    // Wildcards are dropped rather than escaped: LIKE escapes differ between the dialects.
    const { words, courses } = searchTerms(query.q)
    const likes = words.map(w => `%${w.replace(/[\\%_]/g, '')}%`).filter(l => l !== '%%')
    base = base.where(eb => eb.or([
      ...likes.flatMap(like => (['e.title_zh', 'e.title_en', 'e.summary_zh', 'e.summary_en'] as const).map(col => eb(eb.fn('lower', [eb.ref(col)]), 'like', like))),
      ...(courses.length ? [eb.exists(eb.selectFrom('event_courses as ec').select('ec.event_id').whereRef('ec.event_id', '=', 'e.id').where('ec.course_slug', 'in', courses))] : []),
    ]))
  }
  return base
}

type Filtered = ReturnType<typeof filteredEvents>

/** Soonest first; a search puts the classes of the course it names before events that only mention a word. */
export function searchOrder(query: EventListQuery) {
  const courses = query.q ? searchTerms(query.q).courses : []
  return <Q extends Filtered>(q: Q) => (courses.length
    ? q.orderBy(eb => eb.case().when(eb.exists(eb.selectFrom('event_courses as ec').select('ec.event_id').whereRef('ec.event_id', '=', 'e.id').where('ec.course_slug', 'in', courses))).then(0).else(1).end())
    : q).orderBy('e.starts_at').orderBy('e.slug') as Q
}

/** The date of weekday 1–7 (Monday–Sunday) within the experience week. */
function weekDay(startsOn: string, weekday: number): string {
  const start = new Date(`${startsOn}T12:00:00+08:00`)
  const startWeekday = ((start.getUTCDay() + 6) % 7) + 1
  const offset = (weekday - startWeekday + 7) % 7
  return new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
}
