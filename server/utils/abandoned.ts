import { createError, type H3Event } from 'h3'
import { log } from './log'
import { routeOf } from './request-log'

/**
 * Stops work whose client has gone (it gave up waiting, on a slow network or
 * during an outage): a booking nobody is waiting for must not be committed
 * later and texted to someone who saw it fail. Called just before a write
 * transaction starts; the 499 is only ever seen in the logs.
 */
export function stopIfAbandoned(event: H3Event) {
  const { req, res } = event.node
  if (!res.destroyed && !req.socket?.destroyed) return
  log.warn({ requestId: event.context.requestId, route: routeOf(event.path, event.context.matchedRoute?.path) }, 'client gone before the write began: not done')
  throw createError({ statusCode: 499, statusMessage: 'Client Closed Request', message: 'The client closed the request before it was done' })
}
