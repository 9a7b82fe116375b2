import { assistedBookingBody, assistedListQuery } from '#shared/assisted/schemas'
import { type Paths, error, ok, body, query, id, organizer } from '../components'

/** The assisted routes (tag `assisted`). */
export const assistedPaths: Paths = {
  '/api/assisted/registrations': {
    get: {
      summary: 'Helper (协助人员): the bookings I made for residents (the last 50), or the one with ?code=; names masked, no numbers',
      ...organizer,
      parameters: query(assistedListQuery),
      responses: { 200: ok('AssistedBookingList'), 401: error, 403: error },
    },
    post: {
      summary: 'Helper: book an event for a named resident who agreed (present or on the phone), by mobile, landline or no phone; the residents\' booking engine; audited as registration.assisted',
      ...organizer,
      requestBody: body(assistedBookingBody),
      responses: { 201: ok('AssistedBooking', 'Created'), 401: error, 403: error, 404: error, 409: error, 410: error, 422: error },
    },
  },
  '/api/assisted/registrations/{id}': {
    get: {
      summary: 'Helper: one booking I made, for its printed slip (code and ticket token for the QR code)',
      ...organizer,
      parameters: [id],
      responses: { 200: ok('AssistedBooking'), 401: error, 403: error, 404: error },
    },
  },
  '/api/assisted/registrations/{id}/cancel': {
    post: {
      summary: 'Helper: cancel a booking I made, when the resident asks; the waiting list moves up; audited',
      ...organizer,
      parameters: [id],
      responses: { 200: ok('AssistedBooking'), 401: error, 403: error, 404: error },
    },
  },
  '/api/assisted/week': {
    get: {
      summary: 'Helper: what I did since Monday (bookings made, residents helped, cancelled)',
      ...organizer,
      responses: { 200: ok('AssistedWeek'), 401: error, 403: error },
    },
  },
}
