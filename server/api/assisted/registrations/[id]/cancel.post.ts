import { assistedIdParams, type AssistedBooking } from '#shared/assisted/schemas'
import { cancelMine } from '../../../../assisted/bookings'

/** Cancels a booking this helper made, when the resident asks: the waiting list moves up as for the resident's own cancel. */
export default defineEventHandler(async (event): Promise<AssistedBooking> => {
  const { id } = await validParams(event, assistedIdParams)
  const helper = await requireHelper(event)
  const { db } = await usePortal()
  return cancelMine(event, db, helper, id)
})
