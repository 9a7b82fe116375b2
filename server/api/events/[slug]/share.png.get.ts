import { eventSlugParams, sharePictureQuery } from '#shared/events/requests'
import { posterLink } from '~~/server/events/posters'
import { findPublicEvent } from '~~/server/events/public'
import { eventShareCard } from '~~/server/events/share-cards'
import { sharePicture } from '~~/server/events/share-picture'
import { toEventView } from '~~/server/events/views'

/** The event's poster as a picture for chat groups (PNG, 1080 px wide). */
export default defineEventHandler(async (event): Promise<Buffer> => {
  const { slug } = await validParams(event, eventSlugParams)
  const { lang } = await validQuery(event, sharePictureQuery)
  const { city } = await usePortal()
  const view = toEventView(await findPublicEvent(slug))
  const png = await sharePicture(eventShareCard(view, city, await posterLink(event, `/events/${view.slug}`), lang ?? 'zh-CN'))
  setResponseHeaders(event, { 'content-type': 'image/png', 'cache-control': 'public, max-age=300' })
  return png
})
