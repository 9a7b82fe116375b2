import { publicStatuses } from '#shared/cases/vocabulary'
import { courseCatalogue } from '~~/server/courses/catalogue'
import { quizBank } from '~~/server/quizzes/bank'
import { sitemapXml, type SitemapPage } from '~~/server/utils/seo'

/** The pages the public sees, each in both languages: the lists, every published event, course, quiz, contest, call and case. */
export default defineEventHandler(async (event): Promise<string> => {
  const { db, city } = await usePortal()
  const [events, courses, bank, contests, calls, cases] = await Promise.all([
    db.selectFrom('events').select(['slug', 'updated_at']).where('city_slug', '=', city.slug).where('status', 'in', ['published', 'cancelled']).orderBy('starts_at').execute(),
    courseCatalogue(event, city.slug),
    quizBank(event),
    db.selectFrom('contests').select(['slug']).where('city_slug', '=', city.slug).orderBy('slug').execute(),
    db.selectFrom('case_calls').select(['slug', 'updated_at']).where('city_slug', '=', city.slug).orderBy('slug').execute(),
    db.selectFrom('case_submissions as s').innerJoin('case_calls as c', 'c.id', 's.call_id').select(['s.slug', 's.updated_at'])
      .where('c.city_slug', '=', city.slug).where('s.status', 'in', publicStatuses).where('s.hidden_at', 'is', null).where('s.slug', 'is not', null).orderBy('s.slug').execute(),
  ])
  const pages: SitemapPage[] = [
    ...['/', '/events', '/venues', '/courses', '/quiz', '/contests', '/cases', '/statistics', '/about'].map(path => ({ path })),
    ...events.map(e => ({ path: `/events/${e.slug}`, lastmod: e.updated_at })),
    ...courses.map(c => ({ path: `/courses/${c.slug}` })),
    ...bank.quizzes.map(q => ({ path: `/quiz/${q.slug}` })),
    ...contests.map(c => ({ path: `/contests/${c.slug}` })),
    ...calls.map(c => ({ path: `/cases/calls/${c.slug}`, lastmod: c.updated_at })),
    ...cases.map(c => ({ path: `/cases/${c.slug}`, lastmod: c.updated_at })),
  ]
  setResponseHeaders(event, { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' })
  return sitemapXml(portalOrigin(event).origin, pages)
})
