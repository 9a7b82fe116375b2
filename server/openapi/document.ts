import { components, error, responseComponents, sharedResponse, type Paths } from './components'
import { platformPaths } from './paths/platform'
import { eventsPaths } from './paths/events'
import { venuesPaths } from './paths/venues'
import { coursesPaths } from './paths/courses'
import { quizzesPaths } from './paths/quizzes'
import { contestsPaths } from './paths/contests'
import { assistedPaths } from './paths/assisted'
import { casesPaths } from './paths/cases'
import { statisticsPaths } from './paths/statistics'
import { privacyPaths } from './paths/privacy'
import { verificationPaths } from './paths/verification'
import { smsPaths } from './paths/sms'
import { accountsPaths } from './paths/accounts'

export { responseSchemas } from './components'

/** Tags, one per domain, in the order a reader meets them. */
const tags = [
  { name: 'events', description: 'Experience-week events, bookings, tickets, posters; the organisers\' events, attendees and check-in' },
  { name: 'venues', description: 'The city\'s experience venues' },
  { name: 'courses', description: 'Skills courses, lessons, anonymous progress and counts' },
  { name: 'quiz', description: 'The anti-fraud quizzes, attempts and the paper version' },
  { name: 'contest', description: 'Knowledge contests, entries, answers and the leaderboard' },
  { name: 'assisted', description: 'Helpers (协助人员) booking for residents with their consent: book, look up, cancel, the week' },
  { name: 'cases', description: 'The case showcase: calls, submissions, the gallery, votes, reviews' },
  { name: 'statistics', description: 'The week in figures and its open data' },
  { name: 'privacy', description: 'A resident\'s own data: see, export, erase' },
  { name: 'verification', description: 'Proving a mobile number with a code by text message' },
  { name: 'sms', description: 'Texts residents send back through the SMS gateway' },
  { name: 'accounts', description: 'Staff sign-in, the session, the password, the organisation' },
  { name: 'platform', description: 'The city profile, readiness and liveness' },
]
const tagOf: [RegExp, string][] = [
  [/^\/api\/(organizer\/)?(events|registrations|tickets|events-template)\b/, 'events'],
  [/^\/api\/(organizer\/)?venues\b/, 'venues'],
  [/^\/api\/(organizer\/)?(courses|progress|course-activity)\b/, 'courses'],
  [/^\/api\/(organizer\/)?(quizzes|quiz-attempts)\b/, 'quiz'],
  [/^\/api\/(organizer\/)?(contests|contest-entries)\b/, 'contest'],
  [/^\/api\/assisted\b/, 'assisted'],
  [/^\/api\/(organizer\/|admin\/)?(cases|case-calls|case-submissions)\b/, 'cases'],
  [/^\/api\/(admin\/)?statistics\b/, 'statistics'],
  [/^\/api\/my-data\b/, 'privacy'],
  [/^\/api\/verifications\b/, 'verification'],
  [/^\/api\/sms\b/, 'sms'],
  [/^\/api\/(auth|organizer\/organisation)\b/, 'accounts'],
  [/^\/api\/(city|health)\b/, 'platform'],
]
const pascal = (word: string) => word.split(/[^A-Za-z0-9]+/).filter(Boolean).map(w => w[0]!.toUpperCase() + w.slice(1)).join('')
/** `get /api/events/{slug}/calendar.ics` → `getEventsBySlugCalendarIcs`: readable and unique, since method and path are. */
const operationIdOf = (method: string, path: string) => method + path.replace(/^\/api\//, '').split('/').map(s => (s.startsWith('{') ? `By${pascal(s)}` : pascal(s))).join('')

/** Routes that answer without touching the database or Redis: the only ones that never answer 503. */
const neverUnavailable = new Set(['/api/health/live'])
/** Signed server-to-server routes: exempt from the same-origin check (server/middleware/01.same-origin.ts). */
const signedRoutes = new Set(['/api/sms/inbound'])

/**
 * Completes each operation from what every route shares, so no operation can forget it: its operationId,
 * its domain's tag, `security` (empty for public routes), and the answers the platform gives before or
 * around any handler: 400 for malformed JSON or parameters, 413 and a foreign Origin's 403 for every
 * state-changing request (server/middleware/00.body-limit.ts, 01.same-origin.ts), 422 for bodies, 401/403
 * for staff routes (02.access.ts), 503 while a dependency is down (server/errors/handler.ts); each a
 * shared response component.
 */
function finish(paths: Paths) {
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const tag = tagOf.find(([pattern]) => pattern.test(path))?.[1]
      if (!tag) throw new Error(`No tag for ${path}`)
      const staff = /^\/api\/(organizer|admin)\//.test(path) || (operation.security?.length === 1 && 'session' in operation.security[0]!)
      const statuses = new Set(Object.keys(operation.responses).map(Number))
      // A JSON GET carries an ETag; a client that sends it back gets 304.
      const json = Object.values(operation.responses).some(r => 'content' in r && 'application/json' in (r.content as object))
      if (method === 'get' && json && !operation.responses[304]) statuses.add(304)
      if (operation.requestBody) [400, 413, 422].forEach(s => statuses.add(s))
      if (operation.parameters?.some(p => (p as { in: string }).in !== 'header')) statuses.add(400)
      if (method !== 'get') {
        statuses.add(413)
        if (!signedRoutes.has(path)) statuses.add(403)
      }
      if (staff) [401, 403].forEach(s => statuses.add(s))
      if (!neverUnavailable.has(path)) statuses.add(503)
      const responses: Record<string, object> = {}
      for (const status of [...statuses].sort((a, b) => a - b)) {
        const given = operation.responses[status]
        const shared = () => (status === 304 ? { $ref: '#/components/responses/NotModified' } : sharedResponse(status))
        responses[status] = given && given !== error ? given : shared()
      }
      const operationId = operationIdOf(method, path)
      operations[method] = { operationId, tags: [tag], ...operation, security: operation.security ?? [], responses }
    }
  }
  return paths
}

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: '信息消费体验周 portal API',
      version: '1.0.0',
      license: { name: 'MIT', identifier: 'MIT' },
      description: 'Public and organizer API of the Information Consumption Experience Week portal. Times are ISO 8601 (UTC); show them in Asia/Shanghai. Text is `{ zh, en }`. Any endpoint may answer 503 with Retry-After (seconds) and `{ statusCode: 503, message, data: { dependency: "database" | "redis", retryAfter } }`, the message in the resident\'s language, while the database or Redis does not answer; try again after that many seconds. Reason phrases are the standard ones for each status. Errors are `{ statusCode, message, data }`, or RFC 9457 problem details (`application/problem+json`: `type`, `title`, `status`, `detail`, and `fieldErrors`, `reason` as extension members) when Accept asks for `application/problem+json`. Every GET also answers HEAD; JSON answers carry a strong ETag and answer `If-None-Match` with 304. The public read-only GETs and the open data answer any origin (`Access-Control-Allow-Origin: *`, preflight OPTIONS 204); state-changing and staff routes send no CORS headers.',
    },
    servers: [{ url: '/', description: 'This portal (its own origin)' }],
    tags,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'nuxt-session',
          description: 'The sealed session cookie set by POST /api/auth/login (staff only)',
        },
      },
      schemas: components(),
      responses: responseComponents(),
    },
    paths: finish({
      ...platformPaths, ...eventsPaths, ...venuesPaths, ...coursesPaths, ...quizzesPaths, ...contestsPaths, ...assistedPaths,
      ...casesPaths, ...statisticsPaths, ...privacyPaths, ...verificationPaths, ...smsPaths, ...accountsPaths,
    }),
  }
}
