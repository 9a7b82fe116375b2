import { assistedListQuery, type AssistedBookingList } from '#shared/assisted/schemas'
import { listMine } from '~~/server/assisted/bookings'

/** The bookings this helper made (the last 50), or the one with `?code=`: the resident's name masked, never a number. */
export default defineEventHandler(async (event): Promise<AssistedBookingList> => {
  const query = await validQuery(event, assistedListQuery)
  const helper = await requireHelper(event)
  const { db } = await usePortal()
  setResponseHeader(event, 'cache-control', 'private, no-store')
  return { items: await listMine(db, helper, query.code) }
})
