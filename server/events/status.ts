import { writeTransaction } from '~~/server/database/write-transaction'
import { enqueue } from '~~/server/notifications/outbox'
import type { H3Event } from 'h3'
import type { OrganizerEventRef } from '#shared/events/organizer'
import { ownedEvent } from './owned'

/** Publish, unpublish or cancel: one place for the allowed moves between states. */
export async function moveEventStatus(event: H3Event, to: 'published' | 'draft' | 'cancelled'): Promise<OrganizerEventRef> {
  const { row, user, db } = await ownedEvent(event)
  const allowed: Record<string, string[]> = { published: ['draft'], draft: ['published'], cancelled: ['draft', 'published'] }
  if (!allowed[to]!.includes(row.status)) {
    throw createError({ statusCode: 409, message: `A ${row.status} event cannot become ${to}` })
  }
  if (to === 'draft' && row.confirmed_places + row.waitlist_parties > 0) {
    throw createError({ statusCode: 409, message: 'People have booked: cancel the event instead of unpublishing it' })
  }
  const now = nowIso()
  const notified = await writeTransaction(db, async (trx) => {
    await trx.updateTable('events').set(eb => ({ status: to, revision: eb('revision', '+', 1), updated_at: now, ...(to === 'cancelled' ? { cancelled_at: now } : {}) })).where('id', '=', row.id).execute()
    if (to !== 'cancelled') return 0
    // Everyone who booked hears of it; their bookings end with the event.
    const active = await trx.selectFrom('registrations').select('id').where('event_id', '=', row.id).where('status', 'in', ['confirmed', 'waitlisted']).execute()
    await enqueue(trx, 'event-cancelled', active.map(r => ({ eventId: row.id, registrationId: r.id })))
    return active.length
  })
  await recordAudit(event, user, { action: `event.${to === 'published' ? 'publish' : to === 'draft' ? 'unpublish' : 'cancel'}`, targetType: 'event', targetId: row.id, ...(to === 'cancelled' ? { details: { notified } } : {}) })
  return { id: row.id, status: to, ...(to === 'cancelled' ? { notified } : {}) }
}
