import { getRequestHost, getRequestProtocol, type H3Event } from 'h3'
import { isAllowedHost, portalConfig, publicOrigin } from './config'

declare module 'h3' {
  interface H3EventContext {
    /** Where absolute links point for this request (server/middleware/00.origin.ts). */
    portalOrigin?: string
  }
}

export interface PortalOrigin {
  /** scheme://host[:port], without a trailing slash. */
  origin: string
  /** False when the request named a host the portal does not answer to, and the fallback was used. */
  trusted: boolean
}

/** The origin a request reached, as scheme://host[:port]; X-Forwarded-Proto/-Host only behind a trusted proxy. */
export function requestOrigin(event: H3Event, config = portalConfig()): string {
  const protocol = getRequestProtocol(event, { xForwardedProto: config.trustProxy })
  return `${protocol}://${getRequestHost(event, { xForwardedHost: config.trustProxy }).toLowerCase()}`
}

/**
 * Where absolute links (a calendar file's URL, ticket links) point: PORTAL_PUBLIC_ORIGIN when
 * set; otherwise the request's own origin if its host is allowed (PORTAL_ALLOWED_HOSTS), else
 * the default origin. A forged Host header never ends up in a link.
 */
export function portalOrigin(event: H3Event, config = portalConfig()): PortalOrigin {
  if (config.publicOrigin) return { origin: new URL(config.publicOrigin).origin, trusted: true }
  const host = getRequestHost(event, { xForwardedHost: config.trustProxy })
  if (isAllowedHost(host, config)) return { origin: requestOrigin(event, config), trusted: true }
  return { origin: publicOrigin(config), trusted: false }
}
