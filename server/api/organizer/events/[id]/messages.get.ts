import { EVENT_MESSAGE_LIMIT, type OrganizerEventNotices } from '#shared/events/messages'
import { eventNotices } from '~~/server/events/changes'
import { ownedEvent } from '~~/server/events/owned'
import { formatDateTime } from '#shared/utils/dates'

/** What the event's attendees were told: the organiser's messages (at most three) and the moves of time or place, each with its texts sent. */
export default defineEventHandler(async (event): Promise<OrganizerEventNotices> => {
  const { row, db, city } = await ownedEvent(event)
  const notices = await eventNotices(db, row.id)
  const { n } = await db.selectFrom('registrations').select(eb => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', row.id).where('status', 'in', ['confirmed', 'waitlisted']).executeTakeFirstOrThrow()
  setResponseHeader(event, 'cache-control', 'no-store')
  return {
    limit: EVENT_MESSAGE_LIMIT, published: row.status === 'published', remaining: Math.max(0, EVENT_MESSAGE_LIMIT - notices.messages.length), recipients: Number(n),
    template: { city: city.name.zh, title: row.title_zh, time: formatDateTime(row.starts_at, 'zh-CN') },
    ...notices,
  }
})
