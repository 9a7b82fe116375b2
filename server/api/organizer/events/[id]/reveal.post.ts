import type { RevealResult } from '#shared/events/organizer'
import { revealBody } from '#shared/events/organizer'
import { ownedEvent } from '~~/server/events/owned'

/** Shows one resident's full name and number, e.g. to call them; the reason goes to the audit log first. */
export default defineEventHandler(async (event): Promise<RevealResult> => {
  const body = await validBody(event, revealBody)
  const { row, user, db } = await ownedEvent(event)
  const reg = await db.selectFrom('registrations').select(['id', 'name_enc', 'phone_enc'])
    .where('event_id', '=', row.id).where('code', '=', body.registrationCode).executeTakeFirst()
  if (!reg) throw createError({ statusCode: 404, message: 'No such booking for this event' })
  if (!reg.name_enc || !reg.phone_enc) throw createError({ statusCode: 410, message: 'This booking has been anonymised after its retention period' })
  setResponseHeader(event, 'cache-control', 'no-store')
  return revealResident(event, user, { targetType: 'registration', targetId: reg.id, reason: body.reason, values: { name_enc: reg.name_enc, phone_enc: reg.phone_enc } })
})
