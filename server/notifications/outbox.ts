import type { Kysely, Transaction } from 'kysely'
import { newId, nowIso } from '~~/server/database/ids'
import { preparedQuery } from '~~/server/database/prepared'
import type { Database, OutboxKind } from '~~/server/database/schema'
import { wakeSender } from './wake'

type Db = Kysely<Database> | Transaction<Database>
/** `occasion`: the change or message a text is about, for kinds that can come again for one booking. */
type Item = { eventId: string, registrationId: string, occasion?: string }
interface Message extends Item {
  occasion: string
  id: string
  kind: OutboxKind
  sendAfter: string
  now: string
}

const values = (m: Message) => ({
  id: m.id, event_id: m.eventId, registration_id: m.registrationId, kind: m.kind, status: 'pending' as const,
  send_after: m.sendAfter, attempts: 0, provider: null, message: null, last_error: null, sent_at: null, created_at: m.now, occasion: m.occasion,
})
const insert = (db: Db, messages: Message[]) =>
  db.insertInto('notifications').values(messages.map(values)).onConflict(oc => oc.columns(['registration_id', 'kind', 'occasion']).doNothing())
const BATCH = 500
// One message is the common case (every booking queues one): compiled once.
const insertOne = preparedQuery((db: Db, m: Message) => insert(db, [m]))

/**
 * Queues messages in the same transaction as the change they report, so a
 * booking and its confirmation are stored together or not at all. One message
 * of each kind and occasion per booking (a unique index: the idempotency key), so
 * queuing twice is harmless.
 */
export async function enqueue(db: Db, kind: OutboxKind, items: Item[], sendAfter = nowIso()) {
  const now = nowIso()
  const messages = items.map(item => ({ ...item, occasion: item.occasion ?? '', id: newId(), kind, sendAfter, now }))
  if (messages.length === 1) await insertOne(db, messages[0]!)
  // In slices: a day's reminders or a full event's cancellation (5,000 bookings) in one statement would pass
  // SQLite's 32,766 bound values (13 a row) and come near PostgreSQL's 65,535.
  else for (let i = 0; i < messages.length; i += BATCH) await insert(db, messages.slice(i, i + BATCH)).execute()
  if (messages.length && sendAfter <= now) wakeSender()
}
