import { contestAnswerBody, contestBody, disqualifyBody, entryBody, resultsCsvBody } from '#shared/contests/requests'
import { type Paths, error, ok, file, body, slug, id, entrySecret, organizer } from '../components'

/** The contests routes (tag `contests`). */
export const contestsPaths: Paths = {
  '/api/contests': { get: { summary: 'The knowledge contests of the city', responses: { 200: ok('ContestList') } } },
  '/api/contests/{slug}': {
    get: { summary: 'A contest: rules, window, teams', parameters: [slug], responses: { 200: ok('Contest'), 400: error, 404: error } },
  },
  '/api/contests/{slug}/entries': {
    post: {
      summary: 'Enter with a verified number (purpose contest-entry; the number itself, matching the token, is kept encrypted for prize contact): items without answers. 409 if the number already entered, 410 outside the window',
      parameters: [slug],
      requestBody: body(entryBody),
      responses: {
        201: ok('ContestEntryCreated', 'Created: the secret, given once, is what answers the entry (header `x-entry-secret`)'),
        401: error,
        404: error,
        409: error,
        410: error,
        422: error,
        429: error,
      },
    },
  },
  '/api/contests/{slug}/leaderboard': {
    get: {
      summary: 'Individuals by nickname; teams by mean accuracy shrunk toward the city mean (empirical Bayes), under 10 entries unranked',
      parameters: [slug],
      responses: { 200: ok('Leaderboard'), 400: error, 404: error },
    },
  },
  '/api/contest-entries/{id}': {
    get: {
      summary: 'An entry\'s items and answers so far (pause and carry on until the close); only with the entry\'s secret',
      parameters: [id, entrySecret],
      responses: { 200: ok('ContestEntry'), 400: error, 403: error, 404: error },
    },
  },
  '/api/contest-entries/{id}/answers': {
    post: {
      summary: 'Answer an item once, with the entry\'s secret; checked on the server; accuracy only; 410 if the item left the question bank',
      parameters: [id, entrySecret],
      requestBody: body(contestAnswerBody),
      responses: { 200: ok('ContestAnswerResult'), 400: error, 403: error, 404: error, 409: error, 410: error, 422: error, 429: error },
    },
  },
  '/api/organizer/contests': {
    get: {
      summary: 'The organisation\'s contests (admins: all)',
      ...organizer,
      responses: { 200: ok('OrganizerContestList'), 401: error, 403: error },
    },
    post: {
      summary: 'Create a contest',
      ...organizer,
      requestBody: body(contestBody),
      responses: { 201: ok('ContestRef', 'Created'), 401: error, 403: error, 422: error },
    },
  },
  '/api/organizer/contests/{id}': {
    get: {
      summary: 'A contest as its organizer edits it: every saved setting',
      ...organizer,
      parameters: [id],
      responses: { 200: ok('OrganizerContest'), 401: error, 403: error, 404: error },
    },
    put: {
      summary: 'Edit a contest\'s settings; once anyone has entered, what an entry holds (topics, questions per entry, teams) cannot change: 409 with field errors',
      ...organizer,
      parameters: [id],
      requestBody: body(contestBody),
      responses: { 200: ok('ContestRef'), 401: error, 403: error, 404: error, 409: error, 422: error },
    },
  },
  '/api/organizer/contests/{id}/entries': {
    get: {
      summary: 'Entries with masked numbers',
      ...organizer,
      parameters: [id],
      responses: { 200: ok('OrganizerContestEntries'), 401: error, 403: error, 404: error },
    },
  },
  '/api/organizer/contests/{id}/entries/{entry}/disqualify': {
    post: {
      summary: 'Disqualify an entry with a reason (audited)',
      ...organizer,
      parameters: [id, { name: 'entry', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      requestBody: body(disqualifyBody),
      responses: { 200: ok('Ok'), 401: error, 403: error, 404: error, 422: error },
    },
  },
  '/api/organizer/contests/{id}/results.csv': {
    post: {
      summary: 'Results for prizes (CSV, BOM, formula-safe): numbers masked unless revealed with a reason (audited)',
      ...organizer,
      parameters: [id],
      requestBody: body(resultsCsvBody),
      responses: { 200: file('text/csv'), 401: error, 403: error, 404: error, 422: error },
    },
  },
}
