import { districtPosterQuery } from '#shared/events/requests'
import type { DistrictPoster } from '#shared/events/views'
import { districtPoster } from '~~/server/events/district-poster'

/** A district's poster: its events of the next seven days and the QR code to them all. */
export default defineEventHandler(async (event): Promise<DistrictPoster> => {
  const { district } = await validQuery(event, districtPosterQuery)
  return districtPoster(event, district)
})
