import type { AssistedWeek } from '#shared/assisted/schemas'
import { weekOf } from '~~/server/assisted/bookings'

/** What this helper did since Monday: bookings made, residents helped, bookings cancelled. */
export default defineEventHandler(async (event): Promise<AssistedWeek> => {
  const helper = await requireHelper(event)
  const { db } = await usePortal()
  setResponseHeader(event, 'cache-control', 'private, no-store')
  return weekOf(db, helper)
})
