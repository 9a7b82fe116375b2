import { eventListQuery } from '#shared/events/requests'
import { searchTerms } from '#shared/events/search-words'
import type { EventSuggestions } from '#shared/events/views'
import { courseCatalogue } from '~~/server/courses/catalogue'
import { filteredEvents } from '~~/server/events/search'

export default defineEventHandler(async (event): Promise<EventSuggestions> => {
  const query = await validQuery(event, eventListQuery)
  const { db, city } = await usePortal()
  const narrowed = query.district !== undefined || query.date !== undefined
  const elsewhere = narrowed
    ? Number((await filteredEvents(db, city, query, nowIso(), ['district', 'date']).select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    : null
  const wanted = new Set(query.q ? searchTerms(query.q).courses : [])
  const courses = (await courseCatalogue(event, city.slug)).filter(c => wanted.has(c.slug)).map(c => ({ slug: c.slug, title: c.title }))
  cachePublic(event, 30)
  return { elsewhere, courses }
})
