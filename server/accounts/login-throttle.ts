import type { H3Event } from 'h3'
import { clientIp } from '~~/server/utils/client-ip'
import { consume, resetLimit, tooManyRequests, type Limit } from '~~/server/utils/rate-limit'
import { portalConfig } from '~~/server/utils/config'

/**
 * Per IP: every attempt counts. Per account: failures count, and the account locks until the window ends.
 * Both fail closed: without the shared counts a lock-out could be walked around instance by instance, so sign-in answers 503.
 */
export const loginLimits = {
  // Scaled like residents' limits (PORTAL_RATE_SCALE) for offices where many staff share one address.
  ip: { bucket: 'login-ip', limit: Math.round(30 * portalConfig().rateScale), windowSeconds: 15 * 60, failClosed: true },
  account: { bucket: 'login-account', limit: 5, windowSeconds: 15 * 60, failClosed: true },
} satisfies Record<string, Limit>

/**
 * Claims one of the account's attempts before the password hash is checked, as
 * a failure until a success clears it: the claim is one atomic count, so N
 * concurrent attempts use N of the five and never more than five are checked.
 * Counting after the check let every attempt of a burst through to the hash.
 */
export async function claimLoginAttempt(event: H3Event, email: string) {
  const ip = await consume(loginLimits.ip, clientIp(event))
  if (!ip.allowed) tooManyRequests(event, ip.retryAfter)
  const account = await consume(loginLimits.account, email)
  if (!account.allowed) tooManyRequests(event, account.retryAfter)
}

/** A correct password (claimed while the account was not locked) wipes its failures. */
export async function clearLoginFailures(email: string) {
  await resetLimit(loginLimits.account, email)
}
