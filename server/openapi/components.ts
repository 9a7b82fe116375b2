import { z } from 'zod'
import { myOrganisation, sessionResponse } from '#shared/accounts/schemas'
import { assistedBooking, assistedBookingList, assistedWeek } from '#shared/assisted/schemas'
import { cityView } from '#shared/city/views'
import {
  adminCaseItem,
  adminCasePage,
  adminCaseView,
  adminCallItem,
  adminCallList,
  callList,
  callView,
  casePage,
  caseView,
  conflictsView,
  contactRevealed,
  exportDocument,
  imageView,
  reportCreated,
  reviewerCaseList,
  reviewerCaseView,
  reviewerOptions,
  submissionCreated,
  submissionView,
  voteResult,
} from '#shared/cases/views'
import { courseFigures } from '#shared/courses/figures'
import { progressView } from '#shared/courses/progress'
import { contestAnswerResult, contestList, contestRef, contestView, entryCreated, entryState, organizerContestList, leaderboardView, organizerContestView, organizerEntries } from '#shared/contests/views'
import {
  answerResult,
  attemptCreated,
  attemptResult,
  attemptState,
  quizCard,
  quizFigures,
  quizList,
  quizSheet,
} from '#shared/quizzes/views'
import { courseDetail, coursePage, lessonView } from '#shared/courses/views'
import { eventImportResult } from '#shared/events/import'
import { feedbackForm, feedbackResults } from '#shared/events/feedback'
import { eventMessageResult, organizerEventNotices } from '#shared/events/messages'
import {
  checkInResult,
  organizerEventDetail,
  organizerEventSaved,
  organizerEventList,
  organizerEventRef,
  organizerNotificationList,
  organizerRegistrations,
  revealResult,
  walkInResult,
} from '#shared/events/organizer'
import {
  districtPoster,
  eventDetailView,
  eventSuggestions,
  eventView,
  posterLink,
  registrationResult,
  registrationView,
  releaseResult,
} from '#shared/events/views'
import { apiError, healthResponse, livenessResponse, problemDetails } from '#shared/platform/schemas'
import { adminStatisticsView, dataPackageView, statisticsView } from '#shared/statistics/views'
import { illustratedAdminStatisticsView, illustratedStatisticsView } from '#shared/statistics/illustrated'
import { okResponse, pageOf } from '#shared/primitives'
import { myDataErased, myDataExport } from '#shared/privacy/schemas'
import { inboundSmsResult } from '#shared/sms/schemas'
import { verificationConfirmed, verificationRequested } from '#shared/verification/schemas'
import { venueCreated, venueView } from '#shared/venues/schemas'

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
export type Component = keyof typeof responseSchemas

export function components() {
  const registry = z.registry<{ id: string }>()
  for (const [id, schema] of Object.entries(responseSchemas)) registry.add(schema, { id })
  const { schemas } = z.toJSONSchema(registry, { io: 'output', uri: id => `#/components/schemas/${id}`, unrepresentable: 'any' })
  // zod names each schema by its `$id` (and states its dialect); in a document both are the document's
  // own business: Spectral and a plain Ajv 2020 refuse a relative `$id` on every component.
  return Object.fromEntries(Object.entries(schemas).map(([name, { $id: _id, $schema: _schema, ...schema }]) => [name, schema]))
}

/** A JSON Schema for a request part, without zod's dialect line (the document's dialect is 3.1's). */
export const input = (schema: z.ZodType) => {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
  return rest
}
/** Placeholder for "the shared answer for this status": finish() puts the response component's $ref in its place. */
export const error = Object.freeze({ description: 'Error' })
export const ok = (component: Component, description = 'OK') => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${component}` } } } })
export const file = (type: string) => ({ description: type, content: { [type]: { schema: { type: 'string' } } } })
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: input(schema) } } })
export const query = (schema: z.ZodType) => Object.entries((input(schema).properties ?? {}) as Record<string, object>).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }))
export const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } }
export const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
export const entrySecret = { name: 'x-entry-secret', in: 'header', required: true, description: 'The secret given once at entry', schema: { type: 'string' } }
export const token = { name: 'token', in: 'path', required: true, schema: { type: 'string' } }
export const resumeCode = { name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9 -]{6,40}$' } }
/** Staff routes: the session cookie of a signed-in organizer, reviewer or admin. */
export const organizer = { security: [{ session: [] }] }
/** Routes a staff session may use and a resident may too (with an edit code, or as nobody): either. */
export const sessionOrNone = { security: [{}, { session: [] }] }
export const editCode = {
  name: 'x-edit-code',
  in: 'header',
  required: false,
  schema: { type: 'string', pattern: '^[A-Z0-9]{8}$' },
  description: 'The edit code given when the case was started',
}

const retryAfter = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } } }
const errorContent = {
  'application/json': { schema: { $ref: '#/components/schemas/Error' } },
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
}
/**
 * The answers every route shares, by status: `{ statusCode, message, data }`, or RFC 9457 problem details
 * when Accept asks for `application/problem+json`.
 */
export const sharedResponses: Record<number, [name: string, description: string, headers?: object]> = {
  400: ['BadRequest', 'Malformed JSON, or a query or path parameter that does not validate (`data.fieldErrors`)'],
  401: ['Unauthorized', 'Not signed in (staff routes), or the proof (a verification token, a signature) is missing or wrong'],
  403: [
    'Forbidden',
    'Not allowed: another role or organisation, a wrong edit code or entry secret, or a state-changing request from a browser on another origin',
  ],
  404: ['NotFound', 'No such resource'],
  409: ['Conflict', 'The resource\'s state does not allow it (`data.reason`, sometimes `data.fieldErrors`)'],
  410: ['Gone', 'No longer possible: the window closed, the token expired'],
  413: ['PayloadTooLarge', 'The body is larger than the route accepts (1 MB for JSON unless the route says otherwise)'],
  415: ['UnsupportedMediaType', 'The file is not of a type the route accepts'],
  422: ['UnprocessableContent', 'The body parsed but does not validate (`data.fieldErrors`: messages per field)'],
  429: ['TooManyRequests', 'Too many requests from this address or for this account; try again after Retry-After seconds', retryAfter],
  503: ['ServiceUnavailable', 'The database or Redis does not answer (`data.dependency`); try again after Retry-After seconds', retryAfter],
}
export const responseComponents = () => ({
  ...Object.fromEntries(
    Object.values(sharedResponses).map(([name, description, headers]) =>
      [name, { description, ...(headers ? { headers } : {}), content: errorContent }]),
  ),
  NotModified: { description: 'Not Modified: If-None-Match named the answer\'s current ETag (server/plugins/02.validators.ts)' },
})
export const sharedResponse = (status: number) => ({ $ref: `#/components/responses/${sharedResponses[status]![0]}` })

export interface Operation {
  security?: object[]
  parameters?: object[]
  requestBody?: object
  responses: Record<number, object>
  [key: string]: unknown
}
/** A domain's paths: finish() (document.ts) completes each operation. */
export type Paths = Record<string, Record<string, Operation>>
