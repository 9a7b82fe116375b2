import { loginBody, passwordChangeBody } from '#shared/accounts/schemas'
import { type Paths, error, ok, body, organizer, sessionOrNone } from '../components'

/** The accounts routes (tag `accounts`). */
export const accountsPaths: Paths = {
  '/api/auth/login': {
    post: {
      summary: 'Staff sign-in with e-mail and password: sets the session cookie. Attempts per account and address are limited (a lock-out claimed before the password is checked)',
      requestBody: body(loginBody),
      responses: { 200: ok('Session'), 401: error, 422: error, 429: error },
    },
  },
  '/api/auth/logout': {
    post: { summary: 'Sign out: ends this session and every other session of the account', ...sessionOrNone, responses: { 200: ok('Ok') } },
  },
  '/api/auth/me': {
    get: {
      summary: 'The signed-in staff user (also while a password change is pending)',
      ...organizer,
      responses: { 200: ok('Session'), 401: error },
    },
  },
  '/api/auth/password': {
    post: {
      summary: 'Change the password (the current one is checked like a sign-in); every other session ends',
      ...organizer,
      requestBody: body(passwordChangeBody),
      responses: { 200: ok('Ok'), 401: error, 422: error, 429: error },
    },
  },
  '/api/organizer/organisation': {
    get: {
      summary: 'The signed-in organizer\'s organisation, venues and people',
      ...organizer,
      responses: { 200: ok('MyOrganisation'), 401: error, 403: error },
    },
  },
}
