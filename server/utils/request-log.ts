import { randomUUID } from 'node:crypto'
import { getRequestHeader, setResponseHeader, type H3Event } from 'h3'

const TOKENISH = /^[0-9a-zA-Z_.-]{20,}$/

/**
 * What a log line names: the API route's pattern (`/api/progress/:code`: a code
 * in a path can act for a resident, so it is never logged), else the path
 * without its query and with long id-like segments (a ticket link's token) replaced.
 */
export function routeOf(path: string, pattern?: string): string {
  if (pattern && !pattern.includes('*')) return pattern
  return path.split('?')[0]!.split('/').map(part => TOKENISH.test(part) ? ':id' : part).join('/')
}

/** The proxy's X-Request-Id when it is a plain short value, else a new one; returned to the client too. */
export function requestId(event: H3Event): string {
  const given = getRequestHeader(event, 'x-request-id')
  const id = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID()
  event.context.requestId = id
  setResponseHeader(event, 'x-request-id', id)
  return id
}

export function requestLogLine(event: H3Event, id: string, ms: number) {
  const { res } = event.node
  return {
    requestId: id,
    // The API's HEAD runs as GET (server/middleware/00.http.ts); the log says what the client sent.
    method: event.context.head ? 'HEAD' : event.method,
    route: routeOf(event.path, event.context.matchedRoute?.path),
    // The client left before the answer: 499, as proxies log it; the work may still finish (or be stopped: abandoned.ts).
    status: res.writableFinished ? res.statusCode : 499,
    durationMs: Math.round(ms * 10) / 10,
  }
}
