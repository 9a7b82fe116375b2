import { getRequestHeader, setResponseHeader, setResponseStatus, type H3Event } from 'h3'

/**
 * The API any web page may read (`Access-Control-Allow-Origin: *`, no cookies): public, read-only
 * answers and the open data. Not: staff routes, anything behind a token, code or secret in the URL or a
 * header (tickets, attempts, entries, submissions, progress), nor any state-changing request.
 */
const PUBLIC_READ = /^\/api\/(?:events(?:\/suggestions|\/poster(?:\.png)?|\/[^/]+(?:\/poster|\/share\.png|\/calendar\.ics|\/series\.ics)?)?|venues|courses(?:\/[^/]+(?:\/poster|\/share\.png|\/lessons\/[^/]+)?)?|quizzes(?:\/[^/]+(?:\/sheet|\/retake\.ics)?)?|contests(?:\/[^/]+(?:\/leaderboard)?)?|case-calls(?:\/[^/]+(?:\/export\.(?:csv|json))?)?|cases(?:\/images\/[^/]+|\/[^/]+)?|statistics(?:\/[^/]+)?|city|health(?:\/live)?|openapi\.json)\/?$/

const READ_METHODS = new Set(['GET', 'HEAD'])

export const isPublicRead = (path: string) => PUBLIC_READ.test(path)

/** Headers a page elsewhere may read from these answers besides the simple ones. */
const EXPOSED = 'ETag, Retry-After, Content-Disposition'

/** A public read: any origin may read the answer. */
export function allowAnyOrigin(event: H3Event) {
  setResponseHeader(event, 'access-control-allow-origin', '*')
  setResponseHeader(event, 'access-control-expose-headers', EXPOSED)
}

/**
 * A preflight for a public read answers 204 with what may be sent; one for another method
 * (a POST to a public path) is not answered here, so the browser sends nothing.
 */
export function preflight(event: H3Event): boolean {
  const method = getRequestHeader(event, 'access-control-request-method')?.toUpperCase()
  if (!method || !READ_METHODS.has(method)) return false
  setResponseHeader(event, 'access-control-allow-origin', '*')
  setResponseHeader(event, 'access-control-allow-methods', 'GET, HEAD, OPTIONS')
  const headers = getRequestHeader(event, 'access-control-request-headers')
  if (headers) setResponseHeader(event, 'access-control-allow-headers', headers)
  setResponseHeader(event, 'access-control-max-age', 86400)
  setResponseStatus(event, 204)
  return true
}
