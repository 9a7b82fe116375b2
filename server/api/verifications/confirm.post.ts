import { VERIFICATION_TRIES, verificationConfirmBody, type VerificationConfirmed } from '#shared/verification/schemas'
import { lookupHash } from '~~/server/privacy/crypto'
import { clientIp } from '~~/server/utils/client-ip'
import { confirmCode } from '~~/server/verification/service'

/**
 * Failed tries per number from one address: a code allows 5 tries whoever makes
 * them, so without this one address could spend every new code's tries and keep
 * the owner from ever confirming. Now each code that is spent so costs another address.
 */
const failuresPerNumberAndAddress = { bucket: 'verification-failures', limit: VERIFICATION_TRIES, windowSeconds: 3600 }

/** Checks the code from the text message and hands back a short-lived token for the feature that asked. */
export default defineEventHandler(async (event): Promise<VerificationConfirmed> => {
  const body = await validBody(event, verificationConfirmBody)
  await enforceRateLimit(event, residentLimit('verification-confirm', 60, 3600))
  setResponseHeader(event, 'cache-control', 'no-store')
  const failures = `${await lookupHash(body.phone)}:${clientIp(event)}`
  const wait = await isLimited(failuresPerNumberAndAddress, failures)
  if (wait) tooManyRequests(event, wait)
  const outcome = await confirmCode(await useDb(), body.phone, body.purpose, body.code)
  if (outcome.ok) return { verificationToken: outcome.token, expiresAt: outcome.expiresAt }
  await consume(failuresPerNumberAndAddress, failures)
  if (outcome.reason === 'wrong-code') {
    throw invalidFields({ code: [`That code is not right. ${outcome.triesLeft} tries left.`] }, 'That code is not right')
  }
  throw createError({ statusCode: 410, message: 'This code has expired or been used up. Please ask for a new one.', data: { reason: 'code-gone' } })
})
