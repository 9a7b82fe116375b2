import { type Paths, ok } from '../components'

/** The platform routes (tag `platform`). */
export const platformPaths: Paths = {
  '/api/city': { get: { summary: 'The city profile: the week, the plan, districts and organisers', responses: { 200: ok('City') } } },
  '/api/health': {
    get: {
      summary: 'Readiness: the database takes a write (probed at most every 3 s) and Redis, when used, answers. 503 with Retry-After and the same body when not',
      responses: { 200: ok('Health'), 503: ok('Health', 'Not ready') },
    },
  },
  '/api/health/live': { get: { summary: 'Liveness: the process answers; checks nothing else', responses: { 200: ok('Liveness') } } },
}
