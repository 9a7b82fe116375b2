import { assistedIdParams, type AssistedBooking } from '#shared/assisted/schemas'
import { viewOfMine } from '~~/server/assisted/bookings'

/** One booking this helper made, for its printed slip; 404 for anyone else's. */
export default defineEventHandler(async (event): Promise<AssistedBooking> => {
  const { id } = await validParams(event, assistedIdParams)
  const helper = await requireHelper(event)
  const { db } = await usePortal()
  setResponseHeader(event, 'cache-control', 'private, no-store')
  return viewOfMine(db, helper, id)
})
