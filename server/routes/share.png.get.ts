import { sharePictureQuery } from '#shared/events/requests'
import { cityShareCard } from '~~/server/events/share-cards'
import { sharePicture } from '~~/server/events/share-picture'
import { posterLink } from '~~/server/events/posters'

let cached: { key: string, png: Buffer } | undefined

/**
 * The city's week as a share picture (PNG, 1080 px wide; Chinese unless `?lang=en`): the Open Graph
 * picture of every page without one of its own. Drawn once per week, language and origin.
 */
export default defineEventHandler(async (event): Promise<Buffer> => {
  const { lang } = await validQuery(event, sharePictureQuery)
  const { city } = await usePortal()
  const language = lang ?? 'zh-CN'
  const link = await posterLink(event, '/events')
  const key = `${language} ${city.week.startsOn} ${link.url}`
  if (cached?.key !== key) cached = { key, png: await sharePicture(cityShareCard(city, link, language)) }
  setResponseHeaders(event, { 'content-type': 'image/png', 'cache-control': 'public, max-age=3600' })
  return cached.png
})
