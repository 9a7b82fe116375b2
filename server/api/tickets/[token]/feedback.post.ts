import { feedbackBody } from '#shared/events/feedback'
import type { OkResponse } from '#shared/primitives'
import { FeedbackTakenError, feedbackState, saveFeedback } from '~~/server/events/feedback'
import { registrationForTicket } from '~~/server/events/ticket-route'

/**
 * A resident's answer about an event they came to: no account, the ticket's link is enough. Only a
 * booking that was checked in, and once (409 for a second, whichever instance it reaches).
 */
export default defineEventHandler(async (event): Promise<OkResponse> => {
  const { reg } = await registrationForTicket(event)
  const body = await validBody(event, feedbackBody)
  await enforceRateLimit(event, residentLimit('feedback', 30))
  const db = await useDb()
  const state = await feedbackState(db, reg)
  if (state !== 'open') throw createError({ statusCode: 409, message: state === 'answered' ? 'This booking has answered already' : 'Only those who came can answer', data: { reason: state } })
  try {
    await saveFeedback(db, { ...body, eventId: reg.event_id, registrationId: reg.id, source: 'resident' })
  }
  catch (error) {
    if (error instanceof FeedbackTakenError) throw createError({ statusCode: 409, message: error.message, data: { reason: 'answered' } })
    throw error
  }
  setResponseStatus(event, 201)
  return { ok: true }
})
