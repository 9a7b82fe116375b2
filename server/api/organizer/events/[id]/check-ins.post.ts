import type { CheckInResult } from '#shared/events/organizer'
import { writeTransaction } from '~~/server/database/write-transaction'
import { checkInBody } from '#shared/events/organizer'
import { verifyTicketToken } from '~~/server/events/tickets'
import { ownedEvent } from '~~/server/events/owned'
import { decryptText } from '~~/server/privacy/crypto'
import { maskName } from '#shared/utils/mask'
import { enqueue } from '~~/server/notifications/outbox'

/** Checks in a whole party by code or ticket QR; a second scan says when it was already done. */
export default defineEventHandler(async (event): Promise<CheckInResult> => {
  const body = await validBody(event, checkInBody)
  const { row, user, db } = await ownedEvent(event)
  const id = 'ticketToken' in body ? await verifyTicketToken(body.ticketToken) : null
  if ('ticketToken' in body && !id) throw createError({ statusCode: 404, message: 'This is not a ticket of the portal', data: { reason: 'invalid-ticket' } })

  const now = nowIso()
  return writeTransaction(db, async (trx) => {
    let query = trx.selectFrom('registrations').selectAll().where('event_id', '=', row.id)
    query = id ? query.where('id', '=', id) : query.where('code', '=', (body as { code: string }).code)
    const reg = await query.executeTakeFirst()
    if (!reg) throw createError({ statusCode: 404, message: 'No such booking for this event', data: { reason: 'not-found' } })
    if (reg.status !== 'confirmed') throw createError({ statusCode: 409, message: `This booking is ${reg.status}`, data: { reason: reg.status } })
    const name = reg.name_enc ? maskName(await decryptText(reg.name_enc)) : ''
    if (reg.checked_in_at) return { code: reg.code, name, partySize: reg.party_size, checkedInAt: reg.checked_in_at, alreadyCheckedIn: true }
    // Only the first of two simultaneous scans counts the party.
    const updated = await trx.updateTable('registrations').set({ checked_in_at: now, checked_in_by: user.id, updated_at: now })
      .where('id', '=', reg.id).where('checked_in_at', 'is', null).executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) return { code: reg.code, name, partySize: reg.party_size, checkedInAt: now, alreadyCheckedIn: true }
    await trx.updateTable('events').set(eb => ({ checked_in_places: eb('checked_in_places', '+', reg.party_size) })).where('id', '=', row.id).execute()
    // "How was it?" with the feedback link, once the event is over (at once for one already ended).
    await enqueue(trx, 'feedback', [{ eventId: row.id, registrationId: reg.id }], row.ends_at > now ? row.ends_at : now)
    return { code: reg.code, name, partySize: reg.party_size, checkedInAt: now, alreadyCheckedIn: false }
  })
})
