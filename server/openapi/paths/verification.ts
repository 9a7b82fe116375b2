import { verificationConfirmBody, verificationRequestBody } from '#shared/verification/schemas'
import { type Paths, error, ok, body } from '../components'

/** The verification routes (tag `verification`). */
export const verificationPaths: Paths = {
  '/api/verifications': {
    post: {
      summary: 'Send a 6-digit code by SMS to prove a number (same answer for every number; at most 5 codes an hour per number)',
      requestBody: body(verificationRequestBody),
      responses: { 202: ok('VerificationRequested', 'Accepted'), 422: error, 429: error, 503: error },
    },
  },
  '/api/verifications/confirm': {
    post: {
      summary: 'Check the code: a short-lived, one-use token for the purpose',
      requestBody: body(verificationConfirmBody),
      responses: { 200: ok('VerificationConfirmed'), 410: error, 422: error, 429: error },
    },
  },
}
