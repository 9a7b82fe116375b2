import { eventSlugParams } from '#shared/events/requests'
import type { PosterLink } from '#shared/events/views'
import { posterLink } from '~~/server/events/posters'
import { findPublicEvent } from '~~/server/events/public'

/** Where an event's poster leads: the event's page, with its QR code. */
export default defineEventHandler(async (event): Promise<PosterLink> => {
  const { slug } = await validParams(event, eventSlugParams)
  const row = await findPublicEvent(slug)
  return posterLink(event, `/events/${row.slug}`)
})
