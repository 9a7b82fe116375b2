import { z } from 'zod'
import { loginBody, myOrganisation, passwordChangeBody, sessionResponse } from '#shared/accounts/schemas'
import { assistedBooking, assistedBookingBody, assistedBookingList, assistedListQuery, assistedWeek } from '#shared/assisted/schemas'
import { cityView } from '#shared/city/views'
import { adminCaseItem, adminCasePage, adminCaseView, adminCallItem, adminCallList, callList, callView, casePage, caseView, conflictsView, contactRevealed, exportDocument, imageView, reportCreated, reviewerCaseList, reviewerCaseView, reviewerOptions, submissionCreated, submissionView, voteResult } from '#shared/cases/views'
import { adminCasesQuery, assignBody, callBody, casesQuery, conflictsBody, exportQuery, imageFileQuery, rankingBody, recuseBody, reportBody, reviewBody, revealBody as caseRevealBody, statusBody, submissionCreateBody, submissionPatchBody, takedownBody, visibilityBody, voteBody } from '#shared/cases/requests'
import { courseFigures, courseFiguresQuery } from '#shared/courses/figures'
import { activityBody, progressBody, progressView } from '#shared/courses/progress'
import { courseListQuery, courseQuery } from '#shared/courses/requests'
import { answerBody, retakeQuery, sheetQuery } from '#shared/quizzes/requests'
import { contestAnswerBody, contestAnswerResult, contestBody, contestList, contestRef, contestView, disqualifyBody, entryBody, entryCreated, entryState, organizerContestList, leaderboardView, organizerContestView, organizerEntries, resultsCsvBody } from '#shared/contests/schemas'
import { answerResult, attemptCreated, attemptResult, attemptState, quizCard, quizFigures, quizList, quizSheet } from '#shared/quizzes/views'
import { courseDetail, coursePage, lessonView } from '#shared/courses/views'
import { eventImportResult, IMPORT_MAX_BYTES } from '#shared/events/import'
import { feedbackBody, feedbackForm, feedbackResults, paperFeedbackBody } from '#shared/events/feedback'
import { eventMessageBody, eventMessageResult, organizerEventNotices } from '#shared/events/messages'
import { attendeesCsvQuery, attendeesCsvRevealBody, checkInBody, checkInResult, eventCreateBody, eventPatchBody, organizerEventDetail, organizerEventSaved, organizerEventList, organizerEventRef, organizerNotificationList, organizerRegistrations, revealBody, revealResult, walkInBody, walkInResult } from '#shared/events/organizer'
import { calendarQuery, districtPosterQuery, eventListQuery, feedQuery, registrationBody, registrationChangeBody, registrationLookupBody, sharePictureQuery } from '#shared/events/requests'
import { districtPoster, eventDetailView, eventSuggestions, eventView, posterLink, registrationResult, registrationView, releaseResult } from '#shared/events/views'
import { apiError, healthResponse, livenessResponse, problemDetails } from '#shared/platform/schemas'
import { statisticsCsvQuery, statisticsQuery } from '#shared/statistics/requests'
import { adminStatisticsView, dataPackageView, statisticsView } from '#shared/statistics/views'
import { illustratedAdminStatisticsView, illustratedStatisticsQuery, illustratedStatisticsView } from '#shared/statistics/illustrated'
import { okResponse, pageOf } from '#shared/primitives'
import { myDataBody, myDataErased, myDataExport } from '#shared/privacy/schemas'
import { inboundSmsBody, inboundSmsResult } from '#shared/sms/schemas'
import { verificationConfirmBody, verificationConfirmed, verificationRequestBody, verificationRequested } from '#shared/verification/schemas'
import { venueCreateBody, venueCreated, venueListQuery, venueView } from '#shared/venues/schemas'

/**
 * Every response shape the document names, by component name. They are the
 * shared zod schemas the handlers' return types come from, so the document
 * cannot say one thing while the code returns another.
 */
export const responseSchemas = {
  Health: healthResponse,
  Liveness: livenessResponse,
  City: cityView,
  Venue: venueView,
  VenuePage: pageOf(venueView),
  Event: eventView,
  EventPage: pageOf(eventView),
  EventDetail: eventDetailView,
  EventSuggestions: eventSuggestions,
  PosterLink: posterLink,
  InboundSmsResult: inboundSmsResult,
  DistrictPoster: districtPoster,
  RegistrationResult: registrationResult,
  Registration: registrationView,
  ReleaseResult: releaseResult,
  MyData: myDataExport,
  MyDataErased: myDataErased,
  VerificationRequested: verificationRequested,
  VerificationConfirmed: verificationConfirmed,
  Ok: okResponse,
  MyOrganisation: myOrganisation,
  VenueCreated: venueCreated,
  OrganizerEventList: organizerEventList,
  OrganizerEventDetail: organizerEventDetail,
  OrganizerEventRef: organizerEventRef,
  OrganizerEventSaved: organizerEventSaved,
  OrganizerEventNotices: organizerEventNotices,
  EventMessageResult: eventMessageResult,
  FeedbackForm: feedbackForm,
  FeedbackResults: feedbackResults,
  EventImportResult: eventImportResult,
  OrganizerRegistrations: organizerRegistrations,
  RevealResult: revealResult,
  CheckInResult: checkInResult,
  WalkInResult: walkInResult,
  OrganizerNotifications: organizerNotificationList,
  CoursePage: coursePage,
  CourseDetail: courseDetail,
  Lesson: lessonView,
  Progress: progressView,
  CourseFigures: courseFigures,
  QuizList: quizList,
  Quiz: quizCard,
  QuizAttempt: attemptCreated,
  QuizAttemptState: attemptState,
  QuizAnswerResult: answerResult,
  QuizResult: attemptResult,
  QuizSheet: quizSheet,
  QuizFigures: quizFigures,
  ContestList: contestList,
  Contest: contestView,
  ContestEntry: entryState,
  OrganizerContest: organizerContestView,
  ContestAnswerResult: contestAnswerResult,
  Leaderboard: leaderboardView,
  OrganizerContestEntries: organizerEntries,
  AssistedBooking: assistedBooking,
  AssistedBookingList: assistedBookingList,
  AssistedWeek: assistedWeek,
  CaseCallList: callList,
  CaseCall: callView,
  CasePage: casePage,
  Case: caseView,
  CaseImage: imageView,
  CaseVoteResult: voteResult,
  CaseReportCreated: reportCreated,
  CaseSubmission: submissionView,
  CaseSubmissionCreated: submissionCreated,
  CaseExport: exportDocument,
  ReviewerCaseList: reviewerCaseList,
  ReviewerCase: reviewerCaseView,
  ReviewerConflicts: conflictsView,
  AdminCaseItem: adminCaseItem,
  AdminCasePage: adminCasePage,
  AdminCase: adminCaseView,
  AdminCaseCall: adminCallItem,
  AdminCaseCallList: adminCallList,
  CaseReviewerOptions: reviewerOptions,
  CaseContact: contactRevealed,
  Statistics: statisticsView,
  IllustratedStatistics: illustratedStatisticsView,
  IllustratedAdminStatistics: illustratedAdminStatisticsView,
  AdminStatistics: adminStatisticsView,
  StatisticsDataPackage: dataPackageView,
  Session: sessionResponse,
  ContestEntryCreated: entryCreated,
  ContestRef: contestRef,
  OrganizerContestList: organizerContestList,
  Error: apiError,
  Problem: problemDetails,
} satisfies Record<string, z.ZodType>
type Component = keyof typeof responseSchemas

function components() {
  const registry = z.registry<{ id: string }>()
  for (const [id, schema] of Object.entries(responseSchemas)) registry.add(schema, { id })
  const { schemas } = z.toJSONSchema(registry, { io: 'output', uri: id => `#/components/schemas/${id}`, unrepresentable: 'any' })
  // zod names each schema by its `$id` (and states its dialect); in a document both are the document's
  // own business: Spectral and a plain Ajv 2020 refuse a relative `$id` on every component.
  return Object.fromEntries(Object.entries(schemas).map(([name, { $id: _id, $schema: _schema, ...schema }]) => [name, schema]))
}

/** A JSON Schema for a request part, without zod's dialect line (the document's dialect is 3.1's). */
const input = (schema: z.ZodType) => {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
  return rest
}
/** Placeholder for "the shared answer for this status": finish() puts the response component's $ref in its place. */
const error = Object.freeze({ description: 'Error' })
const ok = (component: Component, description = 'OK') => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${component}` } } } })
const file = (type: string) => ({ description: type, content: { [type]: { schema: { type: 'string' } } } })
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: input(schema) } } })
const query = (schema: z.ZodType) => Object.entries((input(schema).properties ?? {}) as Record<string, object>).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }))
const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } }
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
const entrySecret = { name: 'x-entry-secret', in: 'header', required: true, description: 'The secret given once at entry', schema: { type: 'string' } }
const token = { name: 'token', in: 'path', required: true, schema: { type: 'string' } }
const resumeCode = { name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9 -]{6,40}$' } }
/** Staff routes: the session cookie of a signed-in organizer, reviewer or admin. */
const organizer = { security: [{ session: [] }] }
/** Routes a staff session may use and a resident may too (with an edit code, or as nobody): either. */
const sessionOrNone = { security: [{}, { session: [] }] }
const editCode = { name: 'x-edit-code', in: 'header', required: false, schema: { type: 'string', pattern: '^[A-Z0-9]{8}$' }, description: 'The edit code given when the case was started' }

const retryAfter = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } } }
const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } }, 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
/** The answers every route shares, by status: `{ statusCode, message, data }`, or RFC 9457 problem details when Accept asks for `application/problem+json`. */
const sharedResponses: Record<number, [name: string, description: string, headers?: object]> = {
  400: ['BadRequest', 'Malformed JSON, or a query or path parameter that does not validate (`data.fieldErrors`)'],
  401: ['Unauthorized', 'Not signed in (staff routes), or the proof (a verification token, a signature) is missing or wrong'],
  403: ['Forbidden', 'Not allowed: another role or organisation, a wrong edit code or entry secret, or a state-changing request from a browser on another origin'],
  404: ['NotFound', 'No such resource'],
  409: ['Conflict', 'The resource\'s state does not allow it (`data.reason`, sometimes `data.fieldErrors`)'],
  410: ['Gone', 'No longer possible: the window closed, the token expired'],
  413: ['PayloadTooLarge', 'The body is larger than the route accepts (1 MB for JSON unless the route says otherwise)'],
  415: ['UnsupportedMediaType', 'The file is not of a type the route accepts'],
  422: ['UnprocessableContent', 'The body parsed but does not validate (`data.fieldErrors`: messages per field)'],
  429: ['TooManyRequests', 'Too many requests from this address or for this account; try again after Retry-After seconds', retryAfter],
  503: ['ServiceUnavailable', 'The database or Redis does not answer (`data.dependency`); try again after Retry-After seconds', retryAfter],
}
const responseComponents = () => ({
  ...Object.fromEntries(Object.values(sharedResponses).map(([name, description, headers]) => [name, { description, ...(headers ? { headers } : {}), content: errorContent }])),
  NotModified: { description: 'Not Modified: If-None-Match named the answer\'s current ETag (server/plugins/02.validators.ts)' },
})
const sharedResponse = (status: number) => ({ $ref: `#/components/responses/${sharedResponses[status]![0]}` })

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

interface Operation {
  security?: object[]
  parameters?: object[]
  requestBody?: object
  responses: Record<number, object>
  [key: string]: unknown
}

/**
 * Completes each operation from what every route shares, so no operation can forget it: its operationId,
 * its domain's tag, `security` (empty for public routes), and the answers the platform gives before or
 * around any handler: 400 for malformed JSON or parameters, 413 and a foreign Origin's 403 for every
 * state-changing request (server/middleware/00.body-limit.ts, 01.same-origin.ts), 422 for bodies, 401/403
 * for staff routes (02.access.ts), 503 while a dependency is down (server/errors/handler.ts); each a
 * shared response component.
 */
function finish(paths: Record<string, Record<string, Operation>>) {
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
        responses[status] = given && given !== error ? given : status === 304 ? { $ref: '#/components/responses/NotModified' } : sharedResponse(status)
      }
      operations[method] = { operationId: operationIdOf(method, path), tags: [tag], ...operation, security: operation.security ?? [], responses }
    }
  }
  return paths
}

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: '信息消费体验周 portal API', version: '1.0.0', license: { name: 'MIT', identifier: 'MIT' }, description: 'Public and organizer API of the Information Consumption Experience Week portal. Times are ISO 8601 (UTC); show them in Asia/Shanghai. Text is `{ zh, en }`. Any endpoint may answer 503 with Retry-After (seconds) and `{ statusCode: 503, message, data: { dependency: "database" | "redis", retryAfter } }`, the message in the resident\'s language, while the database or Redis does not answer; try again after that many seconds. Reason phrases are the standard ones for each status. Errors are `{ statusCode, message, data }`, or RFC 9457 problem details (`application/problem+json`: `type`, `title`, `status`, `detail`, and `fieldErrors`, `reason` as extension members) when Accept asks for `application/problem+json`. Every GET also answers HEAD; JSON answers carry a strong ETag and answer `If-None-Match` with 304. The public read-only GETs and the open data answer any origin (`Access-Control-Allow-Origin: *`, preflight OPTIONS 204); state-changing and staff routes send no CORS headers.' },
    servers: [{ url: '/', description: 'This portal (its own origin)' }],
    tags,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'nuxt-session', description: 'The sealed session cookie set by POST /api/auth/login (staff only)' } },
      schemas: components(),
      responses: responseComponents(),
    },
    paths: finish({
      '/api/events': { get: { summary: 'Published upcoming events of the city', parameters: query(eventListQuery), responses: { 200: ok('EventPage'), 400: error } } },
      '/api/events/suggestions': { get: { summary: 'Where else to look when a search finds nothing: the count without the district and day, and courses on what was searched for', parameters: query(eventListQuery), responses: { 200: ok('EventSuggestions'), 400: error } } },
      '/api/events/poster': { get: { summary: 'A district\'s poster: its events of the next seven days, the QR code (SVG) and address of its events list', parameters: query(districtPosterQuery), responses: { 200: ok('DistrictPoster'), 400: error, 404: error } } },
      '/api/events/poster.png': { get: { summary: 'A district\'s poster as a share picture (PNG, 1080 px wide; Chinese unless `lang=en`)', parameters: query(districtPosterQuery), responses: { 200: file('image/png'), 400: error, 404: error } } },
      '/api/events/{slug}/poster': { get: { summary: 'Where an event\'s poster leads: the page\'s absolute URL, the address to type, its QR code (SVG)', parameters: [slug], responses: { 200: ok('PosterLink'), 404: error } } },
      '/api/events/{slug}/share.png': { get: { summary: 'An event\'s poster as a share picture (PNG, 1080 px wide; Chinese unless `lang=en`)', parameters: [slug, ...query(sharePictureQuery)], responses: { 200: file('image/png'), 400: error, 404: error } } },
      '/api/events/{slug}': { get: { summary: 'One event', parameters: [slug], responses: { 200: ok('EventDetail'), 404: error } } },
      '/api/events/{slug}/registrations': { post: { summary: 'Book places (a household, all or none); confirmed or on the waiting list', parameters: [slug], requestBody: body(registrationBody), responses: { 201: ok('RegistrationResult', 'Booked'), 404: error, 409: error, 410: error, 422: error, 429: error } } },
      '/api/events/feed.ics': { get: { summary: 'The week\'s published and cancelled events to subscribe to (webcal://): the city\'s, `district` or `venue`; stable UIDs, SEQUENCE raised on each change, STATUS:CANCELLED', parameters: query(feedQuery), responses: { 200: file('text/calendar'), 400: error, 404: error } } },
      '/api/events/feed.atom': { get: { summary: 'Atom feed (RFC 4287) of the week\'s events (`district`, `venue`) and the published cases', parameters: query(feedQuery), responses: { 200: file('application/atom+xml'), 400: error, 404: error } } },
      '/api/events/{slug}/series.ics': { get: { summary: 'A repeating class\'s whole series as one iCalendar entry: RRULE from its first class (Asia/Shanghai), EXDATE for dates skipped, cancelled or unpublished; 404 for a one-off event', parameters: [slug, ...query(calendarQuery)], responses: { 200: file('text/calendar'), 400: error, 404: error } } },
      '/api/events/{slug}/calendar.ics': { get: { summary: 'iCalendar file (RFC 5545) with a reminder, in `lang` or the resident\'s language (cookie, Accept-Language)', parameters: [slug, ...query(calendarQuery)], responses: { 200: file('text/calendar'), 400: error, 404: error } } },
      '/api/registrations/lookup': { post: { summary: 'A booking by mobile number and code', requestBody: body(registrationLookupBody), responses: { 200: ok('Registration'), 404: error, 422: error, 429: error } } },
      '/api/registrations/cancel': { post: { summary: 'Cancel a booking; the waiting list moves up', requestBody: body(registrationLookupBody), responses: { 200: ok('Registration'), 404: error, 422: error, 429: error } } },
      '/api/registrations/change': { post: { summary: 'Make a booking smaller', requestBody: body(registrationChangeBody), responses: { 200: ok('Registration'), 404: error, 422: error, 429: error } } },
      '/api/tickets/{token}': { get: { summary: 'A ticket (no personal data)', parameters: [token], responses: { 200: ok('Registration'), 404: error } } },
      '/api/tickets/{token}/qr.svg': { get: { summary: 'The ticket\'s check-in QR code', parameters: [token], responses: { 200: file('image/svg+xml'), 404: error } } },
      '/api/tickets/{token}/feedback': {
        get: { summary: 'The feedback form behind a ticket\'s link (texted after check-in): the event, and whether the booking may answer (open, answered, not-checked-in)', parameters: [token], responses: { 200: ok('FeedbackForm'), 404: error } },
        post: { summary: 'A resident\'s answer about an event they came to: overall 1–5, learned something usable, what to learn next, a comment (mobile and ID numbers masked out before it is kept). Once per booking (409)', parameters: [token], requestBody: body(feedbackBody), responses: { 201: ok('Ok'), 404: error, 409: error, 422: error, 429: error } },
      },
      '/api/tickets/{token}/release': { post: { summary: 'Give up a booking from the reminder link; the waiting list moves up', parameters: [token], responses: { 200: ok('ReleaseResult'), 404: error } } },
      '/api/sms/inbound': { post: { summary: 'A resident\'s text message from the SMS gateway (server to server): `0`/取消/QX/N cancels the booking the reminder was about, `1`/确认/Y confirms it, `0 2` picks the second of several; anything else gets a help text. Signed with `X-Portal-Signature: sha256=<hex HMAC-SHA-256 of the raw body>` (PORTAL_NOTIFY_WEBHOOK_SECRET); the same `id` twice is handled once', parameters: [{ name: 'x-portal-signature', in: 'header', required: true, schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' } }], requestBody: body(inboundSmsBody), responses: { 200: ok('InboundSmsResult'), 400: error, 401: error, 422: error } } },
      '/api/verifications': { post: { summary: 'Send a 6-digit code by SMS to prove a number (same answer for every number; at most 5 codes an hour per number)', requestBody: body(verificationRequestBody), responses: { 202: ok('VerificationRequested', 'Accepted'), 422: error, 429: error, 503: error } } },
      '/api/verifications/confirm': { post: { summary: 'Check the code: a short-lived, one-use token for the purpose', requestBody: body(verificationConfirmBody), responses: { 200: ok('VerificationConfirmed'), 410: error, 422: error, 429: error } } },
      '/api/my-data': { post: { summary: 'Everything held about a resident (proof: a verification token for `my-data`, spent by the request)', requestBody: body(myDataBody), responses: { 200: ok('MyData'), 401: error, 422: error, 429: error } } },
      '/api/my-data/erase': { post: { summary: 'Erase a resident\'s personal data (proof: a verification token for `my-data`)', requestBody: body(myDataBody), responses: { 200: ok('MyDataErased'), 401: error, 422: error, 429: error } } },
      '/api/venues': { get: { summary: 'The city\'s experience venues', parameters: query(venueListQuery), responses: { 200: ok('VenuePage'), 400: error } } },
      '/api/courses': { get: { summary: 'Skills courses for the city (CITY), filtered by topic, audience and level', parameters: query(courseListQuery), responses: { 200: ok('CoursePage'), 400: error } } },
      '/api/courses/{slug}': { get: { summary: 'A course: what you will learn, its lessons (minutes, steps) and upcoming classes', parameters: [slug, ...query(courseQuery)], responses: { 200: ok('CourseDetail'), 400: error, 404: error } } },
      '/api/courses/{slug}/poster': { get: { summary: 'Where a course\'s poster leads: the page\'s absolute URL, the address to type, its QR code (SVG)', parameters: [slug], responses: { 200: ok('PosterLink'), 400: error, 404: error } } },
      '/api/courses/{slug}/share.png': { get: { summary: 'A course\'s poster as a share picture (PNG, 1080 px wide; Chinese unless `lang=en`)', parameters: [slug, ...query(sharePictureQuery)], responses: { 200: file('image/png'), 400: error, 404: error } } },
      '/api/courses/{slug}/lessons/{lesson}': { get: { summary: 'A lesson with all its steps (safe HTML, both languages), key points and check questions', parameters: [slug, { name: 'lesson', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('Lesson'), 400: error, 404: error } } },
      '/api/progress': { post: { summary: 'A resume code (7 characters, no look-alikes) for anonymous course progress; forgotten after 180 days without use', requestBody: body(progressBody), responses: { 201: ok('Progress', 'Created'), 422: error, 429: error } } },
      '/api/progress/{code}': {
        get: { summary: 'The progress behind a resume code (using it keeps it another 180 days)', parameters: [resumeCode], responses: { 200: ok('Progress'), 400: error, 404: error, 429: error } },
        put: { summary: 'Record a step, or a finished lesson, behind a resume code', parameters: [resumeCode], requestBody: body(progressBody), responses: { 200: ok('Progress'), 400: error, 404: error, 422: error, 429: error } },
      },
      '/api/course-activity': { post: { summary: 'Count a lesson step reached or a lesson finished (anonymous counts, nothing about the learner)', requestBody: body(activityBody), responses: { 204: { description: 'Counted' }, 422: error, 429: error } } },
      '/api/organizer/courses/figures': { get: { summary: 'Anonymous lesson figures: starts, completions per day, the step where most stop', ...organizer, parameters: query(courseFiguresQuery), responses: { 200: ok('CourseFigures'), 400: error, 401: error, 403: error } } },
      '/api/quizzes': { get: { summary: 'The anti-fraud quizzes (each a rule for drawing items from the open item bank)', responses: { 200: ok('QuizList') } } },
      '/api/quizzes/{slug}': { get: { summary: 'One quiz', parameters: [slug], responses: { 200: ok('Quiz'), 400: error, 404: error } } },
      '/api/quizzes/{slug}/attempts': { post: { summary: 'Start an anonymous attempt: a fresh balanced draw, items without their answers', parameters: [slug], responses: { 201: ok('QuizAttempt', 'Created'), 400: error, 404: error, 429: error } } },
      '/api/quizzes/{slug}/sheet': { get: { summary: 'The paper version: the items of one set (by seed) with answers and explanations', parameters: [slug, ...query(sheetQuery)], responses: { 200: ok('QuizSheet'), 400: error, 404: error } } },
      '/api/quizzes/{slug}/retake.ics': { get: { summary: '"Take it again in two weeks" as an iCalendar file (RFC 5545); no personal data', parameters: [slug, ...query(retakeQuery)], responses: { 200: file('text/calendar'), 400: error, 404: error } } },
      '/api/quiz-attempts/{id}': { get: { summary: 'An attempt\'s items and the answers so far (to carry on after a reload)', parameters: [id], responses: { 200: ok('QuizAttemptState'), 400: error, 404: error } } },
      '/api/quiz-attempts/{id}/answers': { post: { summary: 'Answer an item: first the judgement, then the red flags or the option; checked on the server', parameters: [id], requestBody: body(answerBody), responses: { 200: ok('QuizAnswerResult'), 400: error, 404: error, 409: error, 422: error, 429: error } } },
      '/api/quiz-attempts/{id}/result': { get: { summary: 'Hits, misses, false alarms, correct rejections, d′ and c (log-linear correction), and what to review per fraud type', parameters: [id], responses: { 200: ok('QuizResult'), 400: error, 404: error } } },
      '/api/organizer/quizzes/figures': { get: { summary: 'Catch and false-alarm rates per fraud type and per item, from anonymous answers', ...organizer, responses: { 200: ok('QuizFigures'), 401: error, 403: error } } },
      '/api/contests': { get: { summary: 'The knowledge contests of the city', responses: { 200: ok('ContestList') } } },
      '/api/contests/{slug}': { get: { summary: 'A contest: rules, window, teams', parameters: [slug], responses: { 200: ok('Contest'), 400: error, 404: error } } },
      '/api/contests/{slug}/entries': { post: { summary: 'Enter with a verified number (purpose contest-entry; the number itself, matching the token, is kept encrypted for prize contact): items without answers. 409 if the number already entered, 410 outside the window', parameters: [slug], requestBody: body(entryBody), responses: { 201: ok('ContestEntryCreated', 'Created: the secret, given once, is what answers the entry (header `x-entry-secret`)'), 401: error, 404: error, 409: error, 410: error, 422: error, 429: error } } },
      '/api/contests/{slug}/leaderboard': { get: { summary: 'Individuals by nickname; teams by mean accuracy shrunk toward the city mean (empirical Bayes), under 10 entries unranked', parameters: [slug], responses: { 200: ok('Leaderboard'), 400: error, 404: error } } },
      '/api/statistics': { get: { summary: 'Participation statistics for a year (the current one by default): every count from residents\' records suppressed (1–9 as "<10", secondary cells as "c"); 404 for a year without records', parameters: query(statisticsQuery), responses: { 200: ok('Statistics'), 400: error, 404: error } } },
      '/api/statistics/illustrated': { get: { summary: 'For the /statistics page: the same view with each drawn table\'s chart as SVG markup in `lang`, drawn on the server so the page runs no chart code', parameters: query(illustratedStatisticsQuery), responses: { 200: ok('IllustratedStatistics'), 400: error, 404: error } } },
      '/api/statistics/datapackage.zip': { get: { summary: 'The data package as one zip: datapackage.json with relative paths and every CSV beside it', parameters: query(statisticsQuery), responses: { 200: file('application/zip'), 400: error, 404: error } } },
      '/api/statistics/datapackage.json': { get: { summary: 'Open data (CC BY 4.0): the year\'s tables as a Frictionless Data Package, each CSV with its Table Schema', parameters: query(statisticsQuery), responses: { 200: ok('StatisticsDataPackage'), 400: error, 404: error } } },
      '/api/statistics/{file}': { get: { summary: 'One table of the data package as CSV (`<table>.csv`): UTF-8, formula-safe; bom=1 adds a byte-order mark for Excel', parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,80}\\.csv$' } }, ...query(statisticsCsvQuery)], responses: { 200: file('text/csv'), 400: error, 404: error } } },
      '/api/admin/statistics': { get: { summary: 'Admin: the same protected figures plus operational ones (events close to full, many no-shows, messages that failed)', ...organizer, parameters: query(statisticsQuery), responses: { 200: ok('AdminStatistics'), 400: error, 401: error, 403: error, 404: error } } },
      '/api/admin/statistics/illustrated': { get: { summary: 'Admin: for /admin/statistics and its printed report, the admin view with each chart as SVG markup in `lang`', ...organizer, parameters: query(illustratedStatisticsQuery), responses: { 200: ok('IllustratedAdminStatistics'), 400: error, 401: error, 403: error, 404: error } } },
      '/api/contest-entries/{id}': { get: { summary: 'An entry\'s items and answers so far (pause and carry on until the close); only with the entry\'s secret', parameters: [id, entrySecret], responses: { 200: ok('ContestEntry'), 400: error, 403: error, 404: error } } },
      '/api/contest-entries/{id}/answers': { post: { summary: 'Answer an item once, with the entry\'s secret; checked on the server; accuracy only; 410 if the item left the question bank', parameters: [id, entrySecret], requestBody: body(contestAnswerBody), responses: { 200: ok('ContestAnswerResult'), 400: error, 403: error, 404: error, 409: error, 410: error, 422: error, 429: error } } },
      '/api/organizer/contests': {
        get: { summary: 'The organisation\'s contests (admins: all)', ...organizer, responses: { 200: ok('OrganizerContestList'), 401: error, 403: error } },
        post: { summary: 'Create a contest', ...organizer, requestBody: body(contestBody), responses: { 201: ok('ContestRef', 'Created'), 401: error, 403: error, 422: error } },
      },
      '/api/organizer/contests/{id}': {
        get: { summary: 'A contest as its organizer edits it: every saved setting', ...organizer, parameters: [id], responses: { 200: ok('OrganizerContest'), 401: error, 403: error, 404: error } },
        put: { summary: 'Edit a contest\'s settings; once anyone has entered, what an entry holds (topics, questions per entry, teams) cannot change: 409 with field errors', ...organizer, parameters: [id], requestBody: body(contestBody), responses: { 200: ok('ContestRef'), 401: error, 403: error, 404: error, 409: error, 422: error } },
      },
      '/api/organizer/contests/{id}/entries': { get: { summary: 'Entries with masked numbers', ...organizer, parameters: [id], responses: { 200: ok('OrganizerContestEntries'), 401: error, 403: error, 404: error } } },
      '/api/organizer/contests/{id}/entries/{entry}/disqualify': { post: { summary: 'Disqualify an entry with a reason (audited)', ...organizer, parameters: [id, { name: 'entry', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }], requestBody: body(disqualifyBody), responses: { 200: ok('Ok'), 401: error, 403: error, 404: error, 422: error } } },
      '/api/organizer/contests/{id}/results.csv': { post: { summary: 'Results for prizes (CSV, BOM, formula-safe): numbers masked unless revealed with a reason (audited)', ...organizer, parameters: [id], requestBody: body(resultsCsvBody), responses: { 200: file('text/csv'), 401: error, 403: error, 404: error, 422: error } } },
      '/api/auth/login': { post: { summary: 'Staff sign-in with e-mail and password: sets the session cookie. Attempts per account and address are limited (a lock-out claimed before the password is checked)', requestBody: body(loginBody), responses: { 200: ok('Session'), 401: error, 422: error, 429: error } } },
      '/api/auth/logout': { post: { summary: 'Sign out: ends this session and every other session of the account', ...sessionOrNone, responses: { 200: ok('Ok') } } },
      '/api/auth/me': { get: { summary: 'The signed-in staff user (also while a password change is pending)', ...organizer, responses: { 200: ok('Session'), 401: error } } },
      '/api/auth/password': { post: { summary: 'Change the password (the current one is checked like a sign-in); every other session ends', ...organizer, requestBody: body(passwordChangeBody), responses: { 200: ok('Ok'), 401: error, 422: error, 429: error } } },
      '/api/city': { get: { summary: 'The city profile: the week, the plan, districts and organisers', responses: { 200: ok('City') } } },
      '/api/health': { get: { summary: 'Readiness: the database takes a write (probed at most every 3 s) and Redis, when used, answers. 503 with Retry-After and the same body when not', responses: { 200: ok('Health'), 503: ok('Health', 'Not ready') } } },
      '/api/health/live': { get: { summary: 'Liveness: the process answers; checks nothing else', responses: { 200: ok('Liveness') } } },
      '/api/organizer/organisation': { get: { summary: 'The signed-in organizer\'s organisation, venues and people', ...organizer, responses: { 200: ok('MyOrganisation'), 401: error, 403: error } } },
      '/api/organizer/events': {
        get: { summary: 'The organisation\'s events', ...organizer, responses: { 200: ok('OrganizerEventList'), 401: error, 403: error } },
        post: { summary: 'Create an event (draft); with `repeat` (every day, or every week on chosen days; until a date or a number of times; dates skipped) a series of drafts, each its own bookable event', ...organizer, requestBody: body(eventCreateBody), responses: { 201: ok('OrganizerEventRef'), 401: error, 403: error, 409: error, 422: error } },
      },
      '/api/organizer/events/import': { post: { summary: 'Events from a spreadsheet (multipart: file .xlsx or .csv in UTF-8 or GB18030, Chinese headers as in the template; commit 0 checks, 1 saves when every row is right: new drafts, or updates of the events imported before with the same 外部编号). Every row is answered with its problems in the organiser\'s language', ...organizer, requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', maxLength: IMPORT_MAX_BYTES }, commit: { type: 'string', enum: ['0', '1'], default: '0' } } } } } }, responses: { 200: ok('EventImportResult'), 401: error, 403: error, 413: error, 422: error } } },
      '/api/organizer/events-template.xlsx': { get: { summary: 'The import template: Chinese headers, one example row, a sheet of venue codes, districts, categories, audiences and formats', ...organizer, responses: { 200: file(XLSX), 401: error, 403: error } } },
      '/api/organizer/events-template.csv': { get: { summary: 'The import template as CSV (UTF-8 with BOM): Chinese headers and one example row', ...organizer, responses: { 200: file('text/csv'), 401: error, 403: error } } },
      '/api/organizer/venues': { post: { summary: 'Add a venue that is not in the city profile', ...organizer, requestBody: body(venueCreateBody), responses: { 201: ok('VenueCreated'), 401: error, 422: error } } },
      '/api/organizer/events/{id}': {
        get: { summary: 'One event of the organisation', ...organizer, parameters: [id], responses: { 200: ok('OrganizerEventDetail'), 401: error, 403: error, 404: error } },
        patch: { summary: 'Edit; capacity may not fall below confirmed places. A move of time or place texts everyone booked or waiting (event-changed; `notified` counts them). An occurrence of a series needs `scope`: this one, or this and the following ones', ...organizer, parameters: [id], requestBody: body(eventPatchBody), responses: { 200: ok('OrganizerEventSaved'), 401: error, 403: error, 409: error, 422: error } },
      },
      '/api/organizer/events/{id}/publish': { post: { summary: 'Publish', ...organizer, parameters: [id], responses: { 200: ok('OrganizerEventRef'), 409: error } } },
      '/api/organizer/events/{id}/unpublish': { post: { summary: 'Back to draft (only without bookings)', ...organizer, parameters: [id], responses: { 200: ok('OrganizerEventRef'), 409: error } } },
      '/api/organizer/events/{id}/cancel': { post: { summary: 'Cancel the event', ...organizer, parameters: [id], responses: { 200: ok('OrganizerEventRef'), 409: error } } },
      '/api/organizer/events/{id}/duplicate': { post: { summary: 'Copy as a new draft', ...organizer, parameters: [id], responses: { 201: ok('OrganizerEventRef') } } },
      '/api/organizer/events/{id}/registrations': { get: { summary: 'Attendees, masked', ...organizer, parameters: [id, { name: 'code', in: 'query', required: false, schema: { type: 'string' } }], responses: { 200: ok('OrganizerRegistrations'), 403: error } } },
      '/api/organizer/events/{id}/registrations.csv': {
        get: { summary: 'Attendees as CSV (UTF-8 with BOM, no cell runs as a formula), masked', ...organizer, parameters: [id, ...query(attendeesCsvQuery)], responses: { 200: file('text/csv'), 400: error, 403: error } },
        post: { summary: 'Attendees as CSV in full; the reason is written to the audit log first (JSON or a form post)', ...organizer, parameters: [id], requestBody: body(attendeesCsvRevealBody), responses: { 200: file('text/csv'), 403: error, 422: error } },
      },
      '/api/organizer/events/{id}/registrations.xlsx': {
        get: { summary: 'Attendees as an Excel workbook with typed columns (text, whole numbers, Beijing date-times), in the organiser\'s language, masked', ...organizer, parameters: [id, ...query(attendeesCsvQuery)], responses: { 200: file(XLSX), 400: error, 403: error } },
        post: { summary: 'Attendees as an Excel workbook in full; the reason is written to the audit log first (JSON or a form post)', ...organizer, parameters: [id], requestBody: body(attendeesCsvRevealBody), responses: { 200: file(XLSX), 403: error, 422: error } },
      },
      '/api/organizer/events/{id}/reveal': { post: { summary: 'One attendee\'s full name and number, with a reason (audited)', ...organizer, parameters: [id], requestBody: body(revealBody), responses: { 200: ok('RevealResult'), 403: error, 404: error, 422: error } } },
      '/api/organizer/events/{id}/check-ins': { post: { summary: 'Check in a party by code or ticket token', ...organizer, parameters: [id], requestBody: body(checkInBody), responses: { 200: ok('CheckInResult'), 404: error, 409: error } } },
      '/api/organizer/events/{id}/feedback': {
        get: { summary: 'What the attendees thought: answers counted, the comments (organisers only, numbers masked)', ...organizer, parameters: [id], responses: { 200: ok('FeedbackResults'), 403: error, 404: error } },
        post: { summary: 'Type in a paper feedback form (audited); with the booking\'s code it is that booking\'s one answer', ...organizer, parameters: [id], requestBody: body(paperFeedbackBody), responses: { 201: ok('Ok'), 403: error, 404: error, 409: error, 422: error } },
      },
      '/api/organizer/events/{id}/messages': {
        get: { summary: 'What the attendees were told: the organiser\'s messages (at most 3) and the moves of time or place, each with the texts sent', ...organizer, parameters: [id], responses: { 200: ok('OrganizerEventNotices'), 403: error, 404: error } },
        post: { summary: 'Send everyone booked or waiting a short message (event-message: one free parameter of at most 70 characters, no web address); audited; a 4th is a 409', ...organizer, parameters: [id], requestBody: body(eventMessageBody), responses: { 201: ok('EventMessageResult'), 403: error, 404: error, 409: error, 422: error } },
      },
      '/api/organizer/events/{id}/notifications': { get: { summary: 'The event\'s outbox: kind, status, tries and the last failure\'s reason; residents\' links withheld', ...organizer, parameters: [id], responses: { 200: ok('OrganizerNotifications'), 403: error } } },
      '/api/organizer/events/{id}/walk-ins': { post: { summary: 'Add and check in someone without a booking, into free places', ...organizer, parameters: [id], requestBody: body(walkInBody), responses: { 201: ok('WalkInResult'), 409: error, 422: error } } },
      '/api/assisted/registrations': {
        get: { summary: 'Helper (协助人员): the bookings I made for residents (the last 50), or the one with ?code=; names masked, no numbers', ...organizer, parameters: query(assistedListQuery), responses: { 200: ok('AssistedBookingList'), 401: error, 403: error } },
        post: { summary: 'Helper: book an event for a named resident who agreed (present or on the phone), by mobile, landline or no phone; the residents\' booking engine; audited as registration.assisted', ...organizer, requestBody: body(assistedBookingBody), responses: { 201: ok('AssistedBooking', 'Created'), 401: error, 403: error, 404: error, 409: error, 410: error, 422: error } },
      },
      '/api/assisted/registrations/{id}': { get: { summary: 'Helper: one booking I made, for its printed slip (code and ticket token for the QR code)', ...organizer, parameters: [id], responses: { 200: ok('AssistedBooking'), 401: error, 403: error, 404: error } } },
      '/api/assisted/registrations/{id}/cancel': { post: { summary: 'Helper: cancel a booking I made, when the resident asks; the waiting list moves up; audited', ...organizer, parameters: [id], responses: { 200: ok('AssistedBooking'), 401: error, 403: error, 404: error } } },
      '/api/assisted/week': { get: { summary: 'Helper: what I did since Monday (bookings made, residents helped, cancelled)', ...organizer, responses: { 200: ok('AssistedWeek'), 401: error, 403: error } } },
      '/api/case-calls': { get: { summary: 'Calls for cases (优秀案例征集): open, upcoming and past, newest first', responses: { 200: ok('CaseCallList') } } },
      '/api/case-calls/{slug}': { get: { summary: 'A call: rules, the five themes, criterion weights, the vote window and weight, and the final ranking once published', parameters: [slug], responses: { 200: ok('CaseCall'), 400: error, 404: error } } },
      '/api/case-calls/{slug}/submissions': { post: { summary: 'Start a case (draft). Without a staff session the contact number is proved first (verification purpose case-submission). Returns the edit code once', parameters: [slug], requestBody: body(submissionCreateBody), responses: { 201: ok('CaseSubmissionCreated', 'Created'), 400: error, 401: error, 404: error, 410: error, 422: error, 429: error } } },
      '/api/case-calls/{slug}/export.csv': { get: { summary: 'Open data (CC BY 4.0): a call\'s published cases and, once published, the final ranking with its expert and vote components (null before); UTF-8, formula-safe, BOM unless bom=0', parameters: [slug, ...query(exportQuery)], responses: { 200: file('text/csv'), 400: error, 404: error } } },
      '/api/case-calls/{slug}/export.json': { get: { summary: 'The same open data as JSON, with the formula', parameters: [slug], responses: { 200: ok('CaseExport'), 400: error, 404: error } } },
      '/api/case-submissions/{id}': {
        get: { ...sessionOrNone, summary: 'The submitter\'s view of a case (header x-edit-code, or the staff session that made it): fields, pictures, status, what is missing', parameters: [id, editCode], responses: { 200: ok('CaseSubmission'), 400: error, 401: error, 403: error, 404: error, 429: error } },
        patch: { ...sessionOrNone, summary: 'Save changed fields; submit: true hands the case in (422 lists what is missing; what was sent is saved)', parameters: [id, editCode], requestBody: body(submissionPatchBody), responses: { 200: ok('CaseSubmission'), 400: error, 401: error, 403: error, 404: error, 409: error, 422: error, 429: error } },
      },
      '/api/case-submissions/{id}/images': { post: { ...sessionOrNone, summary: 'Add a picture (multipart: file, alt). JPEG, PNG or WebP up to 8 MB, type read from the bytes; re-encoded without metadata (no GPS), resized; at most 6', parameters: [id, editCode], requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['file', 'alt'], properties: { file: { type: 'string', format: 'binary' }, alt: { type: 'string', minLength: 4, maxLength: 150 } } } } } }, responses: { 201: ok('CaseImage', 'Created'), 400: error, 401: error, 403: error, 404: error, 409: error, 413: error, 415: error, 422: error, 429: error } } },
      '/api/case-submissions/{id}/images/{image}': { delete: { ...sessionOrNone, summary: 'Remove a picture from a draft', parameters: [id, editCode, { name: 'image', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }], responses: { 200: ok('Ok'), 400: error, 401: error, 403: error, 404: error, 409: error } } },
      '/api/cases': { get: { summary: 'The gallery: published cases by call, theme, district and year', parameters: query(casesQuery), responses: { 200: ok('CasePage'), 400: error } } },
      '/api/cases/{slug}': { get: { summary: 'A published case with its pictures and outcomes', parameters: [slug], responses: { 200: ok('Case'), 400: error, 404: error } } },
      '/api/cases/{slug}/votes': { post: { summary: 'Vote (人气奖): one per verified number (purpose case-vote) and case, up to the call\'s votes per person, inside the window. 409 already voted or no votes left, 410 outside the window', parameters: [slug], requestBody: body(voteBody), responses: { 201: ok('CaseVoteResult', 'Counted'), 400: error, 401: error, 404: error, 409: error, 410: error, 422: error, 429: error } } },
      '/api/cases/{slug}/reports': { post: { summary: 'Report a published case to the admins, with a reason', parameters: [slug], requestBody: body(reportBody), responses: { 201: ok('CaseReportCreated', 'Reported'), 400: error, 404: error, 422: error, 429: error } } },
      '/api/cases/images/{file}': { get: { summary: 'A case picture, by content hash and width (HEAD too): while a public case shows it (kept 5 minutes, then revalidated by ETag), or with the grant (until, sig) the submitter\'s and staff views put in its URL; else 404', parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-f0-9]{32}-\\d{2,4}\\.(webp|jpg)$' } }, ...query(imageFileQuery)], responses: { 200: file('image/webp'), 304: { description: 'Not modified' }, 400: error, 404: error } } },
      '/api/organizer/cases': { get: { summary: 'Reviewer: the cases assigned to me', ...organizer, responses: { 200: ok('ReviewerCaseList'), 401: error, 403: error } } },
      '/api/organizer/cases/conflicts': {
        get: { summary: 'Reviewer: the organisations (credit codes) I declared ties to', ...organizer, responses: { 200: ok('ReviewerConflicts'), 401: error, 403: error } },
        put: { summary: 'Reviewer: replace them; their cases are never assigned to me, open ones are stood down', ...organizer, requestBody: body(conflictsBody), responses: { 200: ok('ReviewerConflicts'), 401: error, 403: error, 422: error } },
      },
      '/api/organizer/cases/{id}': { get: { summary: 'Reviewer: an assigned case; the other reviews only once mine is in', ...organizer, parameters: [id], responses: { 200: ok('ReviewerCase'), 400: error, 401: error, 403: error } } },
      '/api/organizer/cases/{id}/review': { put: { summary: 'Reviewer: score each criterion 1–5 with a comment; final once in', ...organizer, parameters: [id], requestBody: body(reviewBody), responses: { 200: ok('ReviewerCase'), 400: error, 401: error, 403: error, 409: error, 422: error } } },
      '/api/organizer/cases/{id}/recuse': { post: { summary: 'Reviewer: declare a conflict of interest and stand down from the case', ...organizer, parameters: [id], requestBody: body(recuseBody), responses: { 200: ok('ReviewerCase'), 400: error, 401: error, 403: error, 409: error, 422: error } } },
      '/api/admin/cases': { get: { summary: 'Admin: cases with weighted mean, spread between reviewers, missing reviews, votes and open reports', ...organizer, parameters: query(adminCasesQuery), responses: { 200: ok('AdminCasePage'), 400: error, 401: error, 403: error } } },
      '/api/admin/cases/calls': {
        get: { summary: 'Admin: every call', ...organizer, responses: { 200: ok('AdminCaseCallList'), 401: error, 403: error } },
        post: { summary: 'Admin: open a call', ...organizer, requestBody: body(callBody), responses: { 201: ok('AdminCaseCall', 'Created'), 401: error, 403: error, 409: error, 422: error } },
      },
      '/api/admin/cases/calls/{id}': { put: { summary: 'Admin: change a call', ...organizer, parameters: [id], requestBody: body(callBody), responses: { 200: ok('AdminCaseCall'), 400: error, 401: error, 403: error, 404: error, 409: error, 422: error } } },
      '/api/admin/cases/calls/{id}/ranking': { post: { summary: 'Admin: publish or withdraw the final ranking', ...organizer, parameters: [id], requestBody: body(rankingBody), responses: { 200: ok('AdminCaseCall'), 400: error, 401: error, 403: error, 404: error, 422: error } } },
      '/api/admin/cases/{id}': { get: { summary: 'Admin: a case with its reviews, reviewers, reports and the moves allowed; contact masked', ...organizer, parameters: [id], responses: { 200: ok('AdminCase'), 400: error, 401: error, 403: error, 404: error } } },
      '/api/admin/cases/{id}/reviewers': {
        get: { summary: 'Admin: active reviewers, each with whether they declared a conflict with this case', ...organizer, parameters: [id], responses: { 200: ok('CaseReviewerOptions'), 400: error, 401: error, 403: error, 404: error } },
        put: { summary: 'Admin: assign reviewers (a submitted case goes into review); 409 on a conflict of interest', ...organizer, parameters: [id], requestBody: body(assignBody), responses: { 200: ok('AdminCase'), 400: error, 401: error, 403: error, 404: error, 409: error, 422: error } },
      },
      '/api/admin/cases/{id}/status': { post: { summary: 'Admin: move a case on, or reject it with the reason its submitter reads (audited)', ...organizer, parameters: [id], requestBody: body(statusBody), responses: { 200: ok('AdminCase'), 400: error, 401: error, 403: error, 404: error, 409: error, 422: error } } },
      '/api/admin/cases/{id}/visibility': { post: { summary: 'Admin: hide a case from the gallery or restore it, with a reason (audited); resolves its reports', ...organizer, parameters: [id], requestBody: body(visibilityBody), responses: { 200: ok('AdminCase'), 400: error, 401: error, 403: error, 404: error, 422: error } } },
      '/api/admin/cases/{id}/images/{image}/takedown': { post: { summary: 'Admin: take one picture off a case for good (a personal-data report, say), with a reason (audited); its files stop being served', ...organizer, parameters: [id, { name: 'image', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }], requestBody: body(takedownBody), responses: { 200: ok('AdminCase'), 400: error, 401: error, 403: error, 404: error, 422: error } } },
      '/api/admin/cases/{id}/contact': { post: { summary: 'Admin: the submitter\'s contact in clear, with a reason (audited)', ...organizer, parameters: [id], requestBody: body(caseRevealBody), responses: { 200: ok('CaseContact'), 400: error, 401: error, 403: error, 404: error, 410: error, 422: error } } },
    }),
  }
}
