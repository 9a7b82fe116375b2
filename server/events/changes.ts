import type { Kysely, Transaction } from 'kysely'
import { EVENT_MESSAGE_LIMIT } from '#shared/events/messages'
import { newId, nowIso } from '~~/server/database/ids'
import type { Database, EventRow } from '~~/server/database/schema'
import { enqueue } from '~~/server/notifications/outbox'
import { lockEvent } from './booking'

type Trx = Transaction<Database>
type Moved = Pick<EventRow, 'starts_at' | 'ends_at' | 'venue_id'>

/** What moved between two states of an event: 'time', 'place', 'time,place', or '' for nothing attendees need to hear. */
export function whatMoved(before: Moved, after: Moved): string {
  return [
    before.starts_at !== after.starts_at || before.ends_at !== after.ends_at ? 'time' : '',
    (before.venue_id ?? null) !== (after.venue_id ?? null) ? 'place' : '',
  ].filter(Boolean).join(',')
}

const activeBookings = (trx: Trx, eventId: string) => trx.selectFrom('registrations').select('id')
  .where('event_id', '=', eventId).where('status', 'in', ['confirmed', 'waitlisted']).orderBy('seq').execute()

/**
 * Changes an event's columns and tells everyone booked or waiting when its time or place moved
 * (event-changed), in one transaction after taking the event's row: what it was is read under that
 * lock, so two organisers saving the same move on two instances make one change and one text each.
 * Returns how many bookings were texted.
 */
export async function updateAndTell(trx: Trx, eventId: string, columns: Partial<Moved> & Record<string, unknown>, userId: string | null, now = nowIso()): Promise<number> {
  await lockEvent(trx, eventId)
  const before = await trx.selectFrom('events').select(['status', 'starts_at', 'ends_at', 'venue_id']).where('id', '=', eventId).executeTakeFirstOrThrow()
  // The revision is the calendars' SEQUENCE: every change they must pick up raises it.
  if (Object.keys(columns).length) await trx.updateTable('events').set(eb => ({ ...columns, revision: eb('revision', '+', 1), updated_at: now })).where('id', '=', eventId).execute()
  const changed = whatMoved(before, { ...before, ...columns } as Moved)
  if (!changed || before.status !== 'published') return 0
  const bookings = await activeBookings(trx, eventId)
  if (!bookings.length) return 0
  const id = newId()
  await trx.insertInto('event_changes').values({ id, event_id: eventId, changed, recipients: bookings.length, created_by: userId, created_at: now }).execute()
  await enqueue(trx, 'event-changed', bookings.map(b => ({ eventId, registrationId: b.id, occasion: id })))
  return bookings.length
}

export class MessageLimitError extends Error {
  constructor() {
    super(`At most ${EVENT_MESSAGE_LIMIT} messages per event`)
  }
}

/**
 * Stores an organiser's short message and queues it for everyone booked or waiting (event-message).
 * The fourth is refused: counted under the event's row lock, and a unique (event, 1–3) index decides
 * between two instances at once.
 */
export async function sendEventMessage(trx: Trx, eventId: string, body: string, userId: string | null, now = nowIso()) {
  await lockEvent(trx, eventId)
  const { n } = await trx.selectFrom('event_messages').select(eb => eb.fn.countAll<number>().as('n')).where('event_id', '=', eventId).executeTakeFirstOrThrow()
  const seq = Number(n) + 1
  if (seq > EVENT_MESSAGE_LIMIT) throw new MessageLimitError()
  const bookings = await activeBookings(trx, eventId)
  const id = newId()
  await trx.insertInto('event_messages').values({ id, event_id: eventId, seq, body, recipients: bookings.length, created_by: userId, created_at: now }).execute()
  await enqueue(trx, 'event-message', bookings.map(b => ({ eventId, registrationId: b.id, occasion: id })))
  return { id, seq, recipients: bookings.length }
}

/** The organiser's messages and the changes attendees were told of, newest first, with how many texts went out. */
export async function eventNotices(db: Kysely<Database>, eventId: string) {
  const sent = (kind: 'event-changed' | 'event-message') => db.selectFrom('notifications').select(['occasion', 'status', eb => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId).where('kind', '=', kind).groupBy(['occasion', 'status']).execute()
  const [messages, changes, messageSends, changeSends] = await Promise.all([
    db.selectFrom('event_messages').selectAll().where('event_id', '=', eventId).orderBy('seq', 'desc').execute(),
    db.selectFrom('event_changes').selectAll().where('event_id', '=', eventId).orderBy('created_at', 'desc').execute(),
    sent('event-message'),
    sent('event-changed'),
  ])
  const countOf = (rows: typeof messageSends, occasion: string, status: string) => Number(rows.find(r => r.occasion === occasion && r.status === status)?.n ?? 0)
  return {
    messages: messages.map(m => ({ id: m.id, text: m.body, createdAt: m.created_at, recipients: m.recipients, sent: countOf(messageSends, m.id, 'sent') })),
    changes: changes.map(c => ({ id: c.id, changed: c.changed.split(',') as Array<'time' | 'place'>, createdAt: c.created_at, recipients: c.recipients, sent: countOf(changeSends, c.id, 'sent') })),
  }
}
