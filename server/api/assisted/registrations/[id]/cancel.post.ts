import { assistedIdParams, type AssistedBooking } from '#shared/assisted/schemas'
import { cancelMine } from '~~/server/assisted/bookings'

/** Cancels a booking this helper made, when the resident asks: the waiting list moves up as for the resident's own cancel. */
export default defineEventHandler(async (event): Promise<AssistedBooking> => {
  const { id } = await validParams(event, assistedIdParams)
  const helper = await requireHelper(event)
  const { db } = await usePortal()
  const { booking, cancelled } = await cancelMine(db, helper, id)
  if (cancelled) await recordAudit(event, helper, { action: 'registration.assisted-cancel', targetType: 'registration', targetId: id })
  return booking
})
