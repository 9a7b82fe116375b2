import type { IncomingMessage } from 'node:http'
import { getRequestIP, type H3Event, type H3EventContext } from 'h3'
import { portalConfig } from './config'

declare module 'h3' {
  interface H3EventContext {
    /** The visitor's address, settled once per request (server/middleware/00.client-ip.ts). */
    clientIp?: string
  }
}

/**
 * The client's address; X-Forwarded-For is believed only when PORTAL_TRUST_PROXY=1.
 *
 * A page's server render calls the API in-process (`useFetch` → `event.$fetch`), and
 * such a call has no socket of its own: every render would count as one address.
 * Nitro hands the call the rendering request's context on the request object
 * (`__unenv__`), which only in-process calls have and no client can set, so the
 * API counts the visitor who asked for the page.
 */
export function clientIp(event: H3Event): string {
  return event.context.clientIp ??= renderingVisitor(event) ?? getRequestIP(event, { xForwardedFor: portalConfig().trustProxy }) ?? 'unknown'
}

function renderingVisitor(event: H3Event): string | undefined {
  const rendering = (event.node.req as IncomingMessage & { __unenv__?: H3EventContext }).__unenv__
  return typeof rendering?.clientIp === 'string' ? rendering.clientIp : undefined
}
