import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Updateable } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import { dialectOf } from '~~/server/database/dialect'
import { nowIso } from '~~/server/database/ids'
import type { Database, NotificationsTable } from '~~/server/database/schema'
import { waitlistPosition } from '~~/server/events/booking'
import { ticketToken } from '~~/server/events/tickets'
import { decryptText } from '~~/server/privacy/crypto'
import { composeMessage, LINK_WITHHELD } from './messages'
import type { NotificationProvider } from './providers'
import { settle, settleBacklog } from './settle'

export const MAX_ATTEMPTS = 5
/** Longer than a batch can take (BATCH × the webhook's 10 s), so a live sender never loses its claim. */
export const CLAIM_SECONDS = 300
const BATCH = 20

/** 30 s, 1 min, 2 min, 4 min… at most an hour. */
export const retryDelaySeconds = (attempts: number) => Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1))

const later = (seconds: number, from = Date.now()) => new Date(from + seconds * 1000).toISOString()

/**
 * Claims up to `limit` due messages for `claimant` in one statement, so two
 * senders never hold the same row: on PostgreSQL the rows are locked and
 * others skip them; SQLite has one writer. A claim whose sender died lapses
 * after CLAIM_SECONDS and the row is taken again.
 */
export async function claimDue(db: Kysely<Database>, claimant: string, limit = BATCH, now = nowIso()): Promise<string[]> {
  const postgres = dialectOf(db) === 'postgres'
  const rows = await db.updateTable('notifications')
    .set({ claimed_by: claimant, claimed_until: later(CLAIM_SECONDS, Date.parse(now)) })
    .where('id', 'in', (eb) => {
      const due = eb.selectFrom('notifications').select('id')
        .where('status', '=', 'pending').where('send_after', '<=', now)
        .where(w => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', now)]))
        .orderBy('send_after').limit(limit)
      return postgres ? due.forUpdate().skipLocked() : due
    })
    // Checked again on the row itself: PostgreSQL re-reads a row that another claim just changed.
    .where('status', '=', 'pending')
    .where(w => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', now)]))
    .returning('id').execute()
  return rows.map(r => r.id)
}

export interface SendCounts {
  sent: number
  skipped: number
  failed: number
  /** Rows of the batch not tried because the gateway had just failed: handed back with the same wait. */
  deferred?: number
}

let stopping = false
const running = new Set<Promise<SendCounts>>()

/**
 * For a graceful stop (SIGTERM): no new claims; a text already at the gateway
 * finishes (within its timeout) and the rest of each claimed batch is handed
 * back at once, so another instance, or this one restarted, sends it without
 * waiting for the lease. Resolves when every run has ended.
 */
export async function stopSending() {
  stopping = true
  await Promise.allSettled([...running])
}

/** Undoes stopSending (tests; a server that stops never sends again). */
export function resumeSending() {
  stopping = false
}

/**
 * Sends what is due, claiming it first. A message whose reason has passed (a
 * reminder for a cancelled booking) is skipped. Outcomes an earlier run could
 * not write (the database was away) are written before anything is claimed.
 */
export function sendPending(db: Kysely<Database>, provider: NotificationProvider, city: CityProfile, origin: string, limit = 200): Promise<SendCounts> {
  const run = sendDue(db, provider, city, origin, limit)
  running.add(run)
  void run.finally(() => running.delete(run)).catch(() => {})
  return run
}

async function sendDue(db: Kysely<Database>, provider: NotificationProvider, city: CityProfile, origin: string, limit: number): Promise<SendCounts> {
  await settleBacklog(db)
  const claimant = randomUUID()
  const counts: SendCounts = { sent: 0, skipped: 0, failed: 0 }
  while (!stopping && counts.sent + counts.skipped + counts.failed < limit) {
    const ids = await claimDue(db, claimant, Math.min(BATCH, limit - counts.sent - counts.skipped - counts.failed))
    if (!ids.length) break
    const done = await sendRows(db, provider, city, origin, ids, claimant)
    counts.sent += done.sent
    counts.skipped += done.skipped
    counts.failed += done.failed
    if (done.deferred) counts.deferred = (counts.deferred ?? 0) + done.deferred
    // The gateway is failing or hanging: one try per run, not one timeout per row.
    if (done.deferred || done.failed) break
  }
  return counts
}

const rowsToSend = (db: Kysely<Database>, ids: string[]) => db.selectFrom('notifications as n')
  .innerJoin('registrations as r', 'r.id', 'n.registration_id')
  .innerJoin('events as e', 'e.id', 'n.event_id')
  .leftJoin('venues as v', 'v.id', 'e.venue_id')
  // What an event-changed or event-message text is about (its occasion); no match for the other kinds.
  .leftJoin('event_changes as ec', 'ec.id', 'n.occasion')
  .leftJoin('event_messages as em', 'em.id', 'n.occasion')
  .select(['ec.changed', 'em.body as note'])
  .select(['n.id', 'n.kind', 'n.attempts', 'r.id as reg_id', 'r.status as reg_status', 'r.phone_enc', 'r.party_size', 'r.code', 'r.seq', 'e.id as event_id', 'e.title_zh', 'e.starts_at', 'v.name_zh as venue_zh'])
  .where('n.id', 'in', ids).orderBy('n.send_after').execute()

const errorText = (error: unknown) => String((error as Error)?.message).slice(0, 300)

/**
 * Hands the given rows to the provider, each with its row id as the
 * idempotency key, and records the outcome. With a claimant, only rows that
 * claimant still holds are updated. Exported for the test that shows what
 * happens without a claim.
 *
 * The database is read for the whole batch before anything is sent. If a read
 * fails, every row goes back to due at once with the try counted; if a write
 * fails after a send, that outcome is kept in this process (settle.ts) and the
 * rows not reached go back to due; both are written when the database answers.
 */
export async function sendRows(db: Kysely<Database>, provider: NotificationProvider, city: CityProfile, origin: string, ids: string[], claimant: string | null): Promise<SendCounts> {
  const counts: SendCounts = { sent: 0, skipped: 0, failed: 0 }
  if (!ids.length) return counts
  let rows: Awaited<ReturnType<typeof rowsToSend>>
  const positions = new Map<string, number>()
  try {
    rows = await rowsToSend(db, ids)
    for (const n of rows) if (n.reg_status === 'waitlisted') positions.set(n.id, await waitlistPosition(db, n.event_id, n.seq))
  }
  catch (error) {
    const values = { attempts: sql<number>`attempts + 1`, last_error: errorText(error) }
    await settle(db, ids.map(id => ({ id, claimant, values }))).catch(() => {})
    throw error
  }
  let gatewayFailed: unknown
  for (const [i, n] of rows.entries()) {
    let values: Updateable<NotificationsTable>
    const stale = !n.phone_enc || (n.kind === 'reminder' && n.reg_status !== 'confirmed') || (n.kind === 'promoted' && n.reg_status !== 'confirmed')
      || ((n.kind === 'event-changed' || n.kind === 'event-message') && n.reg_status === 'cancelled')
    if (stale) values = { status: 'skipped', last_error: 'no longer applies' }
    // Stopping: handed back as it was, for the next sender.
    else if (stopping) values = {}
    // A gateway that answers 500 or not at all would cost every row its own try (and a hang its own
    // timeout): after one failure the rest of the batch waits as long, its tries not counted.
    else if (gatewayFailed) values = { send_after: later(retryDelaySeconds(1)), last_error: `not tried: ${errorText(gatewayFailed)}` }
    else {
      const attempts = n.attempts + 1
      let atGateway = false
      try {
        const token = await ticketToken(n.reg_id)
        const context = {
          city: city.name.zh, title: n.title_zh, startsAt: n.starts_at, place: n.venue_zh ?? '线上', partySize: n.party_size, code: n.code,
          waitlistPosition: positions.get(n.id) ?? null, changed: n.changed, note: n.note,
          ticketUrl: `${origin}/tickets/${token}`, releaseUrl: `${origin}/release/${token}`, feedbackUrl: `${origin}/feedback/${token}`,
        }
        const { params, text } = composeMessage(n.kind, context)
        atGateway = true
        await provider.send({ id: n.id, to: await decryptText(n.phone_enc!), kind: n.kind, params, text, city: city.name.zh })
        // What is kept is the text without the resident's personal link: that link acts for them.
        const kept = composeMessage(n.kind, { ...context, ticketUrl: LINK_WITHHELD, releaseUrl: LINK_WITHHELD, feedbackUrl: LINK_WITHHELD }).text
        values = { status: 'sent', provider: provider.name, message: kept, sent_at: nowIso(), attempts, last_error: null }
      }
      catch (error) {
        const last = attempts >= MAX_ATTEMPTS
        values = {
          attempts, last_error: errorText(error), provider: provider.name,
          ...(last ? { status: 'failed' } : { status: 'pending', send_after: later(retryDelaySeconds(attempts)) }),
        }
        // Only the gateway's own failure holds the rest back; a row that cannot be composed fails alone.
        if (atGateway) gatewayFailed = error
      }
    }
    try {
      await settle(db, [{ id: n.id, claimant, values }])
    }
    catch (error) {
      await settle(db, rows.slice(i + 1).map(r => ({ id: r.id, claimant, values: {} }))).catch(() => {})
      throw error
    }
    if (values.status === 'sent') counts.sent++
    else if (values.status === 'skipped') counts.skipped++
    else if (values.attempts === undefined) counts.deferred = (counts.deferred ?? 0) + 1
    else counts.failed++
  }
  return counts
}
