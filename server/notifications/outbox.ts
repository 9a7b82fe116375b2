import type { Kysely, Transaction } from 'kysely'
import { newId, nowIso } from '../database/ids'
import type { Database, NotificationKind } from '../database/schema'

type Db = Kysely<Database> | Transaction<Database>

/**
 * Queues messages in the same transaction as the change they report, so a
 * booking and its confirmation are stored together or not at all. One message
 * of each kind per booking (a unique constraint), so queuing twice is harmless.
 */
export async function enqueue(db: Db, kind: NotificationKind, items: Array<{ eventId: string, registrationId: string }>, sendAfter = nowIso()) {
  if (!items.length) return
  const now = nowIso()
  await db.insertInto('notifications').values(items.map(i => ({
    id: newId(), event_id: i.eventId, registration_id: i.registrationId, kind, status: 'pending' as const,
    send_after: sendAfter, attempts: 0, provider: null, message: null, last_error: null, sent_at: null, created_at: now,
  }))).onConflict(oc => oc.columns(['registration_id', 'kind']).doNothing()).execute()
}
