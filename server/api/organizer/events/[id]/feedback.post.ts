import { paperFeedbackBody } from '#shared/events/feedback'
import type { OkResponse } from '#shared/primitives'
import { FeedbackTakenError, saveFeedback } from '~~/server/events/feedback'
import { ownedEvent } from '~~/server/events/owned'

/**
 * A paper feedback form typed in by staff, for residents without a phone (audited). With the
 * booking's code it counts as that booking's one answer.
 */
export default defineEventHandler(async (event): Promise<OkResponse> => {
  const { registrationCode, ...body } = await validBody(event, paperFeedbackBody)
  const { row, user, db } = await ownedEvent(event)
  const reg = registrationCode
    ? await db.selectFrom('registrations').select('id').where('event_id', '=', row.id).where('code', '=', registrationCode).executeTakeFirst()
    : undefined
  if (registrationCode && !reg) throw invalidFields({ registrationCode: ['No booking with this code for this event'] })
  let saved: { id: string }
  try {
    saved = await saveFeedback(db, { ...body, eventId: row.id, registrationId: reg?.id ?? null, source: 'paper', userId: user.id })
  }
  catch (error) {
    if (error instanceof FeedbackTakenError) throw createError({ statusCode: 409, message: error.message, data: { reason: 'answered' } })
    throw error
  }
  await recordAudit(event, user, { action: 'event.feedback-paper', targetType: 'event', targetId: row.id, details: { feedback: saved.id, ...(registrationCode ? { registrationCode } : {}) } })
  setResponseStatus(event, 201)
  return { ok: true }
})
