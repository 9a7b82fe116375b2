import type { Kysely } from 'kysely'
import type { CityProfile } from '../../shared/city/profile'
import { nowIso } from '../database/ids'
import type { Database } from '../database/schema'
import { waitlistPosition } from '../events/booking'
import { ticketToken } from '../events/tickets'
import { decryptText } from '../privacy/crypto'
import { composeMessage } from './messages'
import type { NotificationProvider } from './providers'

const MAX_ATTEMPTS = 5

/** Sends what is due. A message whose reason has passed (a reminder for a cancelled booking) is skipped. */
export async function sendPending(db: Kysely<Database>, provider: NotificationProvider, city: CityProfile, origin: string, limit = 200) {
  const now = nowIso()
  const due = await db.selectFrom('notifications as n')
    .innerJoin('registrations as r', 'r.id', 'n.registration_id')
    .innerJoin('events as e', 'e.id', 'n.event_id')
    .leftJoin('venues as v', 'v.id', 'e.venue_id')
    .select(['n.id', 'n.kind', 'n.attempts', 'r.id as reg_id', 'r.status as reg_status', 'r.phone_enc', 'r.party_size', 'r.code', 'r.seq', 'e.id as event_id', 'e.title_zh', 'e.starts_at', 'v.name_zh as venue_zh'])
    .where('n.status', '=', 'pending').where('n.send_after', '<=', now)
    .orderBy('n.send_after').limit(limit).execute()
  const counts = { sent: 0, skipped: 0, failed: 0 }
  for (const n of due) {
    const stale = !n.phone_enc || (n.kind === 'reminder' && n.reg_status !== 'confirmed') || (n.kind === 'promoted' && n.reg_status !== 'confirmed')
    if (stale) {
      await db.updateTable('notifications').set({ status: 'skipped', last_error: 'no longer applies' }).where('id', '=', n.id).execute()
      counts.skipped++
      continue
    }
    try {
      const token = await ticketToken(n.reg_id)
      const message = composeMessage(n.kind, {
        city: city.name.zh, title: n.title_zh, startsAt: n.starts_at, place: n.venue_zh ?? '线上', partySize: n.party_size, code: n.code,
        waitlistPosition: n.reg_status === 'waitlisted' ? await waitlistPosition(db, n.event_id, n.seq) : null,
        ticketUrl: `${origin}/tickets/${token}`, releaseUrl: `${origin}/release/${token}`,
      })
      await provider.send(await decryptText(n.phone_enc!), message)
      await db.updateTable('notifications').set({ status: 'sent', provider: provider.name, message, sent_at: nowIso(), attempts: n.attempts + 1 }).where('id', '=', n.id).execute()
      counts.sent++
    }
    catch (error) {
      const attempts = n.attempts + 1
      await db.updateTable('notifications')
        .set({ attempts, last_error: String((error as Error).message).slice(0, 300), status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending' })
        .where('id', '=', n.id).execute()
      counts.failed++
    }
  }
  return counts
}
