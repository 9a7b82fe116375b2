import type { EventDetailView } from '#shared/events/views'
import { eventSlugParams } from '#shared/events/requests'
import { toEventDetail } from '../../../events/views'
import { findPublicEvent } from '../../../events/public'

export default defineEventHandler(async (event): Promise<EventDetailView> => {
  const { slug } = await validParams(event, eventSlugParams)
  const row = await findPublicEvent(slug)
  cachePublic(event, 15)
  return toEventDetail(row)
})
