import { EVENT_MESSAGE_LIMIT, eventMessageBody, type EventMessageResult } from '#shared/events/messages'
import { MessageLimitError, sendEventMessage } from '~~/server/events/changes'
import { ownedEvent } from '~~/server/events/owned'
import { writeTransaction } from '~~/server/database/write-transaction'

const limitReached = () => createError({
  statusCode: 409,
  message: `This event has had its ${EVENT_MESSAGE_LIMIT} messages: no more can be sent`,
  data: { reason: 'message-limit' },
})

/**
 * Sends a short message (event-message, at most 70 characters) to everyone booked or waiting,
 * through the outbox. At most three per event: a fourth is a 409. Audited with the text.
 */
export default defineEventHandler(async (event): Promise<EventMessageResult> => {
  const { text } = await validBody(event, eventMessageBody)
  const { row, user, db } = await ownedEvent(event)
  if (row.status !== 'published') throw createError({ statusCode: 409, message: 'Only a published event\'s attendees can be sent a message', data: { reason: 'not-published' } })
  let sent: Awaited<ReturnType<typeof sendEventMessage>>
  try {
    sent = await writeTransaction(db, trx => sendEventMessage(trx, row.id, text, user.id))
  }
  catch (error) {
    // Two instances at once: the unique (event, 1–3) index refuses the one that came second.
    if (error instanceof MessageLimitError || isUniqueViolation(error)) throw limitReached()
    throw error
  }
  await recordAudit(event, user, { action: 'event.message', targetType: 'event', targetId: row.id, details: { message: sent.id, text, recipients: sent.recipients } })
  setResponseStatus(event, 201)
  return { id: sent.id, recipients: sent.recipients, remaining: EVENT_MESSAGE_LIMIT - sent.seq }
})
