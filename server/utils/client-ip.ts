import { getRequestIP, type H3Event } from 'h3'
import { portalConfig } from './config'

/** The client's address; X-Forwarded-For is believed only when PORTAL_TRUST_PROXY=1. */
export function clientIp(event: H3Event): string {
  return getRequestIP(event, { xForwardedFor: portalConfig().trustProxy }) ?? 'unknown'
}
