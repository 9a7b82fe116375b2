import type { FeedbackForm } from '#shared/events/feedback'
import { feedbackState } from '~~/server/events/feedback'
import { registrationForTicket } from '~~/server/events/ticket-route'

/** The feedback form behind a ticket's link (sent after check-in): the event, and whether this booking may still answer. */
export default defineEventHandler(async (event): Promise<FeedbackForm> => {
  const { reg } = await registrationForTicket(event)
  const db = await useDb()
  const e = await db.selectFrom('events').select(['title_zh', 'title_en', 'starts_at']).where('id', '=', reg.event_id).executeTakeFirstOrThrow()
  setResponseHeader(event, 'cache-control', 'no-store')
  return { event: { title: { zh: e.title_zh, en: e.title_en }, startsAt: e.starts_at }, state: await feedbackState(db, reg) }
})
