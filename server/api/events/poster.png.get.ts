import { districtPosterQuery } from '#shared/events/requests'
import { pickText } from '#shared/i18n/languages'
import { districtPoster } from '~~/server/events/district-poster'
import { districtShareCard } from '~~/server/events/share-cards'
import { sharePicture } from '~~/server/events/share-picture'

/** A district's poster as a picture for chat groups (PNG, 1080 px wide). */
export default defineEventHandler(async (event): Promise<Buffer> => {
  const { district, lang } = await validQuery(event, districtPosterQuery)
  const { city } = await usePortal()
  const poster = await districtPoster(event, district)
  const language = lang ?? 'zh-CN'
  const png = await sharePicture(districtShareCard(pickText(poster.districtName, language), poster.events, city, poster, language))
  setResponseHeaders(event, { 'content-type': 'image/png', 'cache-control': 'public, max-age=300' })
  return png
})
