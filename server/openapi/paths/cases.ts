import {
  adminCasesQuery,
  assignBody,
  callBody,
  casesQuery,
  conflictsBody,
  exportQuery,
  imageFileQuery,
  rankingBody,
  recuseBody,
  reportBody,
  reviewBody,
  revealBody as caseRevealBody,
  statusBody,
  submissionCreateBody,
  submissionPatchBody,
  takedownBody,
  visibilityBody,
  voteBody,
} from '#shared/cases/requests'
import { type Paths, error, ok, file, body, query, slug, id, organizer, sessionOrNone, editCode } from '../components'

/** The cases routes (tag `cases`). */
export const casesPaths: Paths = {
  '/api/case-calls': {
    get: { summary: 'Calls for cases (优秀案例征集): open, upcoming and past, newest first', responses: { 200: ok('CaseCallList') } },
  },
  '/api/case-calls/{slug}': {
    get: {
      summary: 'A call: rules, the five themes, criterion weights, the vote window and weight, and the final ranking once published',
      parameters: [slug],
      responses: { 200: ok('CaseCall'), 400: error, 404: error },
    },
  },
  '/api/case-calls/{slug}/submissions': {
    post: {
      summary: 'Start a case (draft). Without a staff session the contact number is proved first (verification purpose case-submission). Returns the edit code once',
      parameters: [slug],
      requestBody: body(submissionCreateBody),
      responses: { 201: ok('CaseSubmissionCreated', 'Created'), 400: error, 401: error, 404: error, 410: error, 422: error, 429: error },
    },
  },
  '/api/case-calls/{slug}/export.csv': {
    get: {
      summary: 'Open data (CC BY 4.0): a call\'s published cases and, once published, the final ranking with its expert and vote components (null before); UTF-8, formula-safe, BOM unless bom=0',
      parameters: [slug, ...query(exportQuery)],
      responses: { 200: file('text/csv'), 400: error, 404: error },
    },
  },
  '/api/case-calls/{slug}/export.json': {
    get: {
      summary: 'The same open data as JSON, with the formula',
      parameters: [slug],
      responses: { 200: ok('CaseExport'), 400: error, 404: error },
    },
  },
  '/api/case-submissions/{id}': {
    get: {
      ...sessionOrNone,
      summary: 'The submitter\'s view of a case (header x-edit-code, or the staff session that made it): fields, pictures, status, what is missing',
      parameters: [id, editCode],
      responses: { 200: ok('CaseSubmission'), 400: error, 401: error, 403: error, 404: error, 429: error },
    },
    patch: {
      ...sessionOrNone,
      summary: 'Save changed fields; submit: true hands the case in (422 lists what is missing; what was sent is saved)',
      parameters: [id, editCode],
      requestBody: body(submissionPatchBody),
      responses: { 200: ok('CaseSubmission'), 400: error, 401: error, 403: error, 404: error, 409: error, 422: error, 429: error },
    },
  },
  '/api/case-submissions/{id}/images': {
    post: {
      ...sessionOrNone,
      summary: 'Add a picture (multipart: file, alt). JPEG, PNG or WebP up to 8 MB, type read from the bytes; re-encoded without metadata (no GPS), resized; at most 6',
      parameters: [id, editCode],
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file', 'alt'],
              properties: { file: { type: 'string', format: 'binary' }, alt: { type: 'string', minLength: 4, maxLength: 150 } },
            },
          },
        },
      },
      responses: {
        201: ok('CaseImage', 'Created'),
        400: error,
        401: error,
        403: error,
        404: error,
        409: error,
        413: error,
        415: error,
        422: error,
        429: error,
      },
    },
  },
  '/api/case-submissions/{id}/images/{image}': {
    delete: {
      ...sessionOrNone,
      summary: 'Remove a picture from a draft',
      parameters: [id, editCode, { name: 'image', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { 200: ok('Ok'), 400: error, 401: error, 403: error, 404: error, 409: error },
    },
  },
  '/api/cases': {
    get: {
      summary: 'The gallery: published cases by call, theme, district and year',
      parameters: query(casesQuery),
      responses: { 200: ok('CasePage'), 400: error },
    },
  },
  '/api/cases/{slug}': {
    get: {
      summary: 'A published case with its pictures and outcomes',
      parameters: [slug],
      responses: { 200: ok('Case'), 400: error, 404: error },
    },
  },
  '/api/cases/{slug}/votes': {
    post: {
      summary: 'Vote (人气奖): one per verified number (purpose case-vote) and case, up to the call\'s votes per person, inside the window. 409 already voted or no votes left, 410 outside the window',
      parameters: [slug],
      requestBody: body(voteBody),
      responses: {
        201: ok('CaseVoteResult', 'Counted'),
        400: error,
        401: error,
        404: error,
        409: error,
        410: error,
        422: error,
        429: error,
      },
    },
  },
  '/api/cases/{slug}/reports': {
    post: {
      summary: 'Report a published case to the admins, with a reason',
      parameters: [slug],
      requestBody: body(reportBody),
      responses: { 201: ok('CaseReportCreated', 'Reported'), 400: error, 404: error, 422: error, 429: error },
    },
  },
  '/api/cases/images/{file}': {
    get: {
      summary: 'A case picture, by content hash and width (HEAD too): while a public case shows it (kept 5 minutes, then revalidated by ETag), or with the grant (until, sig) the submitter\'s and staff views put in its URL; else 404',
      parameters: [
        { name: 'file', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-f0-9]{32}-\\d{2,4}\\.(webp|jpg)$' } },
        ...query(imageFileQuery),
      ],
      responses: { 200: file('image/webp'), 304: { description: 'Not modified' }, 400: error, 404: error },
    },
  },
  '/api/organizer/cases': {
    get: {
      summary: 'Reviewer: the cases assigned to me',
      ...organizer,
      responses: { 200: ok('ReviewerCaseList'), 401: error, 403: error },
    },
  },
  '/api/organizer/cases/conflicts': {
    get: {
      summary: 'Reviewer: the organisations (credit codes) I declared ties to',
      ...organizer,
      responses: { 200: ok('ReviewerConflicts'), 401: error, 403: error },
    },
    put: {
      summary: 'Reviewer: replace them; their cases are never assigned to me, open ones are stood down',
      ...organizer,
      requestBody: body(conflictsBody),
      responses: { 200: ok('ReviewerConflicts'), 401: error, 403: error, 422: error },
    },
  },
  '/api/organizer/cases/{id}': {
    get: {
      summary: 'Reviewer: an assigned case; the other reviews only once mine is in',
      ...organizer,
      parameters: [id],
      responses: { 200: ok('ReviewerCase'), 400: error, 401: error, 403: error },
    },
  },
  '/api/organizer/cases/{id}/review': {
    put: {
      summary: 'Reviewer: score each criterion 1–5 with a comment; final once in',
      ...organizer,
      parameters: [id],
      requestBody: body(reviewBody),
      responses: { 200: ok('ReviewerCase'), 400: error, 401: error, 403: error, 409: error, 422: error },
    },
  },
  '/api/organizer/cases/{id}/recuse': {
    post: {
      summary: 'Reviewer: declare a conflict of interest and stand down from the case',
      ...organizer,
      parameters: [id],
      requestBody: body(recuseBody),
      responses: { 200: ok('ReviewerCase'), 400: error, 401: error, 403: error, 409: error, 422: error },
    },
  },
  '/api/admin/cases': {
    get: {
      summary: 'Admin: cases with weighted mean, spread between reviewers, missing reviews, votes and open reports',
      ...organizer,
      parameters: query(adminCasesQuery),
      responses: { 200: ok('AdminCasePage'), 400: error, 401: error, 403: error },
    },
  },
  '/api/admin/cases/calls': {
    get: { summary: 'Admin: every call', ...organizer, responses: { 200: ok('AdminCaseCallList'), 401: error, 403: error } },
    post: {
      summary: 'Admin: open a call',
      ...organizer,
      requestBody: body(callBody),
      responses: { 201: ok('AdminCaseCall', 'Created'), 401: error, 403: error, 409: error, 422: error },
    },
  },
  '/api/admin/cases/calls/{id}': {
    put: {
      summary: 'Admin: change a call',
      ...organizer,
      parameters: [id],
      requestBody: body(callBody),
      responses: { 200: ok('AdminCaseCall'), 400: error, 401: error, 403: error, 404: error, 409: error, 422: error },
    },
  },
  '/api/admin/cases/calls/{id}/ranking': {
    post: {
      summary: 'Admin: publish or withdraw the final ranking',
      ...organizer,
      parameters: [id],
      requestBody: body(rankingBody),
      responses: { 200: ok('AdminCaseCall'), 400: error, 401: error, 403: error, 404: error, 422: error },
    },
  },
  '/api/admin/cases/{id}': {
    get: {
      summary: 'Admin: a case with its reviews, reviewers, reports and the moves allowed; contact masked',
      ...organizer,
      parameters: [id],
      responses: { 200: ok('AdminCase'), 400: error, 401: error, 403: error, 404: error },
    },
  },
  '/api/admin/cases/{id}/reviewers': {
    get: {
      summary: 'Admin: active reviewers, each with whether they declared a conflict with this case',
      ...organizer,
      parameters: [id],
      responses: { 200: ok('CaseReviewerOptions'), 400: error, 401: error, 403: error, 404: error },
    },
    put: {
      summary: 'Admin: assign reviewers (a submitted case goes into review); 409 on a conflict of interest',
      ...organizer,
      parameters: [id],
      requestBody: body(assignBody),
      responses: { 200: ok('AdminCase'), 400: error, 401: error, 403: error, 404: error, 409: error, 422: error },
    },
  },
  '/api/admin/cases/{id}/status': {
    post: {
      summary: 'Admin: move a case on, or reject it with the reason its submitter reads (audited)',
      ...organizer,
      parameters: [id],
      requestBody: body(statusBody),
      responses: { 200: ok('AdminCase'), 400: error, 401: error, 403: error, 404: error, 409: error, 422: error },
    },
  },
  '/api/admin/cases/{id}/visibility': {
    post: {
      summary: 'Admin: hide a case from the gallery or restore it, with a reason (audited); resolves its reports',
      ...organizer,
      parameters: [id],
      requestBody: body(visibilityBody),
      responses: { 200: ok('AdminCase'), 400: error, 401: error, 403: error, 404: error, 422: error },
    },
  },
  '/api/admin/cases/{id}/images/{image}/takedown': {
    post: {
      summary: 'Admin: take one picture off a case for good (a personal-data report, say), with a reason (audited); its files stop being served',
      ...organizer,
      parameters: [id, { name: 'image', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      requestBody: body(takedownBody),
      responses: { 200: ok('AdminCase'), 400: error, 401: error, 403: error, 404: error, 422: error },
    },
  },
  '/api/admin/cases/{id}/contact': {
    post: {
      summary: 'Admin: the submitter\'s contact in clear, with a reason (audited)',
      ...organizer,
      parameters: [id],
      requestBody: body(caseRevealBody),
      responses: { 200: ok('CaseContact'), 400: error, 401: error, 403: error, 404: error, 410: error, 422: error },
    },
  },
}
