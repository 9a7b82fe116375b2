import { VERIFICATION_CODE_MINUTES, verificationRequestBody, type VerificationRequested } from '#shared/verification/schemas'
import { currentProvider } from '~~/server/notifications/providers'
import { afterAnswer } from '~~/server/verification/after-answer'
import { issueCode, showsDemoCode } from '~~/server/verification/service'

/**
 * Sends a 6-digit code to the number, after answering: the answer is the same
 * 202, as fast, for every number, whether it was sent a code, already has a live
 * one (then nothing new is sent), or the gateway is failing.
 */
export default defineEventHandler(async (event): Promise<VerificationRequested> => {
  const body = await validBody(event, verificationRequestBody)
  await enforceRateLimit(event, residentLimit('verification-address', 20, 3600))
  setResponseStatus(event, 202)
  setResponseHeader(event, 'cache-control', 'no-store')
  const { db, city } = await usePortal()
  // The demo shows the code on screen (nothing would deliver it), so it answers with a new one each time.
  if (showsDemoCode(portalConfig())) {
    const issued = (await issueCode(db, currentProvider(), city, body.phone, body.purpose, 'replace'))!
    return { expiresAt: issued.expiresAt, demoCode: issued.code }
  }
  afterAnswer('sending a verification code', () => issueCode(db, currentProvider(), city, body.phone, body.purpose, 'keep'))
  return { expiresAt: new Date(Date.now() + VERIFICATION_CODE_MINUTES * 60_000).toISOString() }
})
