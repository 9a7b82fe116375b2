import { answerBody, retakeQuery, sheetQuery } from '#shared/quizzes/requests'
import { type Paths, error, ok, file, body, query, slug, id, organizer } from '../components'

/** The quizzes routes (tag `quizzes`). */
export const quizzesPaths: Paths = {
  '/api/quizzes': {
    get: { summary: 'The anti-fraud quizzes (each a rule for drawing items from the open item bank)', responses: { 200: ok('QuizList') } },
  },
  '/api/quizzes/{slug}': { get: { summary: 'One quiz', parameters: [slug], responses: { 200: ok('Quiz'), 400: error, 404: error } } },
  '/api/quizzes/{slug}/attempts': {
    post: {
      summary: 'Start an anonymous attempt: a fresh balanced draw, items without their answers',
      parameters: [slug],
      responses: { 201: ok('QuizAttempt', 'Created'), 400: error, 404: error, 429: error },
    },
  },
  '/api/quizzes/{slug}/sheet': {
    get: {
      summary: 'The paper version: the items of one set (by seed) with answers and explanations',
      parameters: [slug, ...query(sheetQuery)],
      responses: { 200: ok('QuizSheet'), 400: error, 404: error },
    },
  },
  '/api/quizzes/{slug}/retake.ics': {
    get: {
      summary: '"Take it again in two weeks" as an iCalendar file (RFC 5545); no personal data',
      parameters: [slug, ...query(retakeQuery)],
      responses: { 200: file('text/calendar'), 400: error, 404: error },
    },
  },
  '/api/quiz-attempts/{id}': {
    get: {
      summary: 'An attempt\'s items and the answers so far (to carry on after a reload)',
      parameters: [id],
      responses: { 200: ok('QuizAttemptState'), 400: error, 404: error },
    },
  },
  '/api/quiz-attempts/{id}/answers': {
    post: {
      summary: 'Answer an item: first the judgement, then the red flags or the option; checked on the server',
      parameters: [id],
      requestBody: body(answerBody),
      responses: { 200: ok('QuizAnswerResult'), 400: error, 404: error, 409: error, 422: error, 429: error },
    },
  },
  '/api/quiz-attempts/{id}/result': {
    get: {
      summary: 'Hits, misses, false alarms, correct rejections, d′ and c (log-linear correction), and what to review per fraud type',
      parameters: [id],
      responses: { 200: ok('QuizResult'), 400: error, 404: error },
    },
  },
  '/api/organizer/quizzes/figures': {
    get: {
      summary: 'Catch and false-alarm rates per fraud type and per item, from anonymous answers',
      ...organizer,
      responses: { 200: ok('QuizFigures'), 401: error, 403: error },
    },
  },
}
