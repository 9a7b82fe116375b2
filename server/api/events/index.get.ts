import { eventListQuery } from '#shared/events/requests'
import type { EventView } from '#shared/events/views'
import type { Page } from '#shared/primitives'
import { filteredEvents, searchOrder } from '~~/server/events/search'
import { toEventView } from '~~/server/events/views'

export default defineEventHandler(async (event): Promise<Page<EventView>> => {
  const query = await validQuery(event, eventListQuery)
  const { db, city } = await usePortal()
  const now = nowIso()
  const page = await paginate(filteredEvents(db, city, query, now), query, searchOrder(query))
  cachePublic(event, 30)
  return mapPage(page, r => toEventView(r, now))
})
