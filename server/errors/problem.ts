import { STATUS_CODES } from 'node:http'
import type { ProblemDetails } from '#shared/platform/schemas'

export const PROBLEM_TYPE = 'application/problem+json'

/** The q-value an Accept header gives a media type (its exact entry, else `type/*`, else `*\/*`); 0 when absent. */
function quality(accept: string, type: string) {
  let best = -1
  let q = 0
  for (const part of accept.toLowerCase().split(',')) {
    const [range = '', ...params] = part.trim().split(';').map(s => s.trim())
    const specific = range === type ? 3 : range === `${type.split('/')[0]}/*` ? 2 : range === '*/*' ? 1 : 0
    if (specific <= best || !specific) continue
    best = specific
    const given = params.find(p => p.startsWith('q='))
    q = given ? Number(given.slice(2)) || 0 : 1
  }
  return q
}

/**
 * Whether an API client asked for RFC 9457 problem details: its Accept names
 * `application/problem+json` and prefers it at least as much as `application/json`.
 * Everyone else (the portal's own pages, `$fetch`, curl) keeps `{ statusCode, message, data }`.
 */
export function wantsProblem(accept: string | undefined) {
  if (!accept || !accept.toLowerCase().includes(PROBLEM_TYPE)) return false
  const problem = quality(accept, PROBLEM_TYPE)
  return problem > 0 && problem >= quality(accept, 'application/json')
}

interface PortalError {
  statusCode: number
  statusMessage?: string
  message?: string
  data?: unknown
}

/**
 * The portal's error as problem details: `type` is `about:blank` (the status says what
 * happened), `title` the status's reason phrase, `detail` the message, `instance` the
 * path; the field errors, a domain's `reason`, and a 503's `dependency` and `retryAfter`
 * are extension members, under the names `data` gives them in the JSON answer.
 */
export function problemDetails(error: PortalError, instance?: string): ProblemDetails {
  const status = error.statusCode || 500
  const title = STATUS_CODES[status] ?? 'Error'
  const data = (error.data && typeof error.data === 'object' ? error.data : {}) as Record<string, unknown>
  const problem: ProblemDetails = { type: 'about:blank', title, status }
  if (error.message && error.message !== title) problem.detail = error.message
  if (instance) problem.instance = instance
  for (const key of ['fieldErrors', 'reason', 'dependency', 'retryAfter'] as const) {
    if (data[key] !== undefined) (problem as Record<string, unknown>)[key] = data[key]
  }
  return problem
}
