import { verificationConfirmBody, type VerificationConfirmed } from '#shared/verification/schemas'
import { confirmCode } from '../../verification/service'

/** Checks the code from the text message and hands back a short-lived token for the feature that asked. */
export default defineEventHandler(async (event): Promise<VerificationConfirmed> => {
  const body = await validBody(event, verificationConfirmBody)
  await enforceRateLimit(event, residentLimit('verification-confirm', 60, 3600))
  setResponseHeader(event, 'cache-control', 'no-store')
  const outcome = await confirmCode(await useDb(), body.phone, body.purpose, body.code)
  if (outcome.ok) return { verificationToken: outcome.token, expiresAt: outcome.expiresAt }
  if (outcome.reason === 'wrong-code') {
    throw invalidFields({ code: [`That code is not right. ${outcome.triesLeft} tries left.`] }, 'That code is not right')
  }
  throw createError({ statusCode: 410, message: 'This code has expired or been used up. Please ask for a new one.', data: { reason: 'code-gone' } })
})
