import { inboundSmsBody, type InboundSmsResult } from '#shared/sms/schemas'
import { auditResidentAction } from '~~/server/events/registrations'
import { handleInboundSms } from '~~/server/sms/inbound'
import { signatureValid } from '~~/server/sms/signature'

/**
 * A resident's text message, posted by the SMS gateway: signed like the portal's own
 * messages (X-Portal-Signature over the raw body), so only the gateway can act for a number.
 */
export default defineEventHandler(async (event): Promise<InboundSmsResult> => {
  const raw = await readRawBody(event, false)
  if (!signatureValid(raw, getRequestHeader(event, 'x-portal-signature'), portalConfig().notifyWebhookSecret)) {
    throw createError({ statusCode: 401, message: 'Missing or wrong X-Portal-Signature' })
  }
  let json: unknown
  try {
    json = JSON.parse(raw?.toString('utf8') ?? '')
  }
  catch {
    throw createError({ statusCode: 400, message: 'The body is not JSON' })
  }
  const message = assertValid(inboundSmsBody, json)
  const { db, city } = await usePortal()
  const outcome = await handleInboundSms(db, message, {
    citySlug: city.slug,
    audit: (action, reg) => auditResidentAction(event, action, reg, 'sms-reply'),
  })
  setResponseHeader(event, 'cache-control', 'no-store')
  return { outcome }
})
