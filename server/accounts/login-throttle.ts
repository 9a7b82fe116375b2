import type { H3Event } from 'h3'
import type { Limit } from '../utils/rate-limit'
import { portalConfig } from '../utils/config'

/** Per IP: every attempt counts. Per account: failures count, and the account locks until the window ends. */
export const loginLimits = {
  // Scaled like residents' limits (PORTAL_RATE_SCALE) for offices where many staff share one address.
  ip: { bucket: 'login-ip', limit: Math.round(30 * portalConfig().rateScale), windowSeconds: 15 * 60 },
  account: { bucket: 'login-account', limit: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, Limit>

export async function checkLoginAllowed(event: H3Event, email: string) {
  const ip = await consume(loginLimits.ip, clientIp(event))
  if (!ip.allowed) tooManyRequests(event, ip.retryAfter)
  const locked = await isLimited(loginLimits.account, email)
  if (locked) tooManyRequests(event, locked)
}

export async function recordLoginFailure(email: string) {
  await consume(loginLimits.account, email)
}

export async function clearLoginFailures(email: string) {
  await resetLimit(loginLimits.account, email)
}
