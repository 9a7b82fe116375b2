import type { FeedbackResults } from '#shared/events/feedback'
import { feedbackResults } from '~~/server/events/feedback'
import { ownedEvent } from '~~/server/events/owned'

/** What the event's attendees thought: answers counted, and the free comments (mobile and ID numbers masked out). Organisers only. */
export default defineEventHandler(async (event): Promise<FeedbackResults> => {
  const { row, db } = await ownedEvent(event)
  setResponseHeader(event, 'cache-control', 'no-store')
  return feedbackResults(db, row.id)
})
