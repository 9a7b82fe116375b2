import type { OrganizerNotificationList } from '#shared/events/organizer'
import { ownedEvent } from '~~/server/events/owned'
import { withholdLinks } from '~~/server/notifications/messages'

/**
 * The event's outbox: what was sent (by booking code), its kind, status, tries
 * and the reason of the last failure. Never a resident's ticket or release
 * link: that link acts for the resident.
 */
export default defineEventHandler(async (event): Promise<OrganizerNotificationList> => {
  const { row, db } = await ownedEvent(event)
  const items = await db.selectFrom('notifications as n').innerJoin('registrations as r', 'r.id', 'n.registration_id')
    .select(['n.kind', 'n.status', 'n.send_after', 'n.sent_at', 'n.attempts', 'n.provider', 'n.message', 'n.last_error', 'r.code'])
    .where('n.event_id', '=', row.id).orderBy('n.created_at', 'desc').limit(500).execute()
  setResponseHeader(event, 'cache-control', 'no-store')
  return {
    items: items.map(n => ({
      code: n.code, kind: n.kind, status: n.status, sendAfter: n.send_after, sentAt: n.sent_at, attempts: n.attempts,
      provider: n.provider, message: n.message && withholdLinks(n.message), error: n.last_error,
    })),
  }
})
