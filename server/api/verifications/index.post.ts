import { VERIFICATION_CODE_MINUTES, verificationRequestBody, type VerificationRequested } from '#shared/verification/schemas'
import { currentProvider } from '../../notifications/providers'
import { lookupHash } from '../../privacy/crypto'
import { issueCode, showsDemoCode } from '../../verification/service'

const perNumber = { bucket: 'verification-number', limit: 5, windowSeconds: 3600 }

/**
 * Sends a 6-digit code to the number. The answer is the same for every
 * number: one that has asked too often this hour gets no new code, but the
 * caller cannot tell that from a number never seen before.
 */
export default defineEventHandler(async (event): Promise<VerificationRequested> => {
  const body = await validBody(event, verificationRequestBody)
  await enforceRateLimit(event, residentLimit('verification-address', 20, 3600))
  setResponseStatus(event, 202)
  setResponseHeader(event, 'cache-control', 'no-store')
  const expiresAt = new Date(Date.now() + VERIFICATION_CODE_MINUTES * 60_000).toISOString()
  const number = await consume(perNumber, await lookupHash(body.phone))
  if (!number.allowed) return { expiresAt }
  const { db, city } = await usePortal()
  try {
    const issued = await issueCode(db, currentProvider(), city, body.phone, body.purpose)
    return showsDemoCode(portalConfig()) ? { expiresAt: issued.expiresAt, demoCode: issued.code } : { expiresAt: issued.expiresAt }
  }
  catch (error) {
    console.error(`[portal] a verification code could not be sent: ${(error as Error).message}`)
    throw createError({ statusCode: 503, message: 'The text message could not be sent just now. Please try again in a minute.', data: { reason: 'sms-unavailable' } })
  }
})
