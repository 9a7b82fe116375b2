import type { Kysely } from 'kysely'
import type { Database } from '~~/server/database/schema'
import { enqueue } from './outbox'

/** Queues a "still coming?" reminder for confirmed bookings of events starting in about a day (run hourly; idempotent). */
export async function queueReminders(db: Kysely<Database>, now = new Date()) {
  const from = new Date(now.getTime() + 20 * 3_600_000).toISOString()
  const to = new Date(now.getTime() + 26 * 3_600_000).toISOString()
  const rows = await db.selectFrom('registrations as r').innerJoin('events as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.event_id']).where('e.status', '=', 'published')
    .where('e.starts_at', '>=', from).where('e.starts_at', '<', to)
    .where('r.status', '=', 'confirmed').where('r.anonymised_at', 'is', null).where('r.source', '!=', 'seed')
    .execute()
  await enqueue(db, 'reminder', rows.map(r => ({ eventId: r.event_id, registrationId: r.id })))
  return rows.length
}
