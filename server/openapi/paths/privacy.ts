import { myDataBody } from '#shared/privacy/schemas'
import { type Paths, error, ok, body } from '../components'

/** The privacy routes (tag `privacy`). */
export const privacyPaths: Paths = {
  '/api/my-data': {
    post: {
      summary: 'Everything held about a resident (proof: a verification token for `my-data`, spent by the request)',
      requestBody: body(myDataBody),
      responses: { 200: ok('MyData'), 401: error, 422: error, 429: error },
    },
  },
  '/api/my-data/erase': {
    post: {
      summary: 'Erase a resident\'s personal data (proof: a verification token for `my-data`)',
      requestBody: body(myDataBody),
      responses: { 200: ok('MyDataErased'), 401: error, 422: error, 429: error },
    },
  },
}
