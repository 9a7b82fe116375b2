import { IMPORT_MAX_BYTES } from '#shared/events/import'
import { feedbackBody, paperFeedbackBody } from '#shared/events/feedback'
import { eventMessageBody } from '#shared/events/messages'
import {
  attendeesCsvQuery,
  attendeesCsvRevealBody,
  checkInBody,
  eventCreateBody,
  eventPatchBody,
  revealBody,
  walkInBody,
} from '#shared/events/organizer'
import {
  calendarQuery,
  districtPosterQuery,
  eventListQuery,
  feedQuery,
  registrationBody,
  registrationChangeBody,
  registrationLookupBody,
  sharePictureQuery,
} from '#shared/events/requests'
import { type Paths, error, ok, file, XLSX, body, query, slug, id, token, organizer } from '../components'

/** The events routes (tag `events`). */
export const eventsPaths: Paths = {
  '/api/events': {
    get: {
      summary: 'Published upcoming events of the city',
      parameters: query(eventListQuery),
      responses: { 200: ok('EventPage'), 400: error },
    },
  },
  '/api/events/suggestions': {
    get: {
      summary: 'Where else to look when a search finds nothing: the count without the district and day, and courses on what was searched for',
      parameters: query(eventListQuery),
      responses: { 200: ok('EventSuggestions'), 400: error },
    },
  },
  '/api/events/poster': {
    get: {
      summary: 'A district\'s poster: its events of the next seven days, the QR code (SVG) and address of its events list',
      parameters: query(districtPosterQuery),
      responses: { 200: ok('DistrictPoster'), 400: error, 404: error },
    },
  },
  '/api/events/poster.png': {
    get: {
      summary: 'A district\'s poster as a share picture (PNG, 1080 px wide; Chinese unless `lang=en`)',
      parameters: query(districtPosterQuery),
      responses: { 200: file('image/png'), 400: error, 404: error },
    },
  },
  '/api/events/{slug}/poster': {
    get: {
      summary: 'Where an event\'s poster leads: the page\'s absolute URL, the address to type, its QR code (SVG)',
      parameters: [slug],
      responses: { 200: ok('PosterLink'), 404: error },
    },
  },
  '/api/events/{slug}/share.png': {
    get: {
      summary: 'An event\'s poster as a share picture (PNG, 1080 px wide; Chinese unless `lang=en`)',
      parameters: [slug, ...query(sharePictureQuery)],
      responses: { 200: file('image/png'), 400: error, 404: error },
    },
  },
  '/api/events/{slug}': { get: { summary: 'One event', parameters: [slug], responses: { 200: ok('EventDetail'), 404: error } } },
  '/api/events/{slug}/registrations': {
    post: {
      summary: 'Book places (a household, all or none); confirmed or on the waiting list',
      parameters: [slug],
      requestBody: body(registrationBody),
      responses: { 201: ok('RegistrationResult', 'Booked'), 404: error, 409: error, 410: error, 422: error, 429: error },
    },
  },
  '/api/events/feed.ics': {
    get: {
      summary: 'The week\'s published and cancelled events to subscribe to (webcal://): the city\'s, `district` or `venue`; stable UIDs, SEQUENCE raised on each change, STATUS:CANCELLED',
      parameters: query(feedQuery),
      responses: { 200: file('text/calendar'), 400: error, 404: error },
    },
  },
  '/api/events/feed.atom': {
    get: {
      summary: 'Atom feed (RFC 4287) of the week\'s events (`district`, `venue`) and the published cases',
      parameters: query(feedQuery),
      responses: { 200: file('application/atom+xml'), 400: error, 404: error },
    },
  },
  '/api/events/{slug}/series.ics': {
    get: {
      summary: 'A repeating class\'s whole series as one iCalendar entry: RRULE from its first class (Asia/Shanghai), EXDATE for dates skipped, cancelled or unpublished; 404 for a one-off event',
      parameters: [slug, ...query(calendarQuery)],
      responses: { 200: file('text/calendar'), 400: error, 404: error },
    },
  },
  '/api/events/{slug}/calendar.ics': {
    get: {
      summary: 'iCalendar file (RFC 5545) with a reminder, in `lang` or the resident\'s language (cookie, Accept-Language)',
      parameters: [slug, ...query(calendarQuery)],
      responses: { 200: file('text/calendar'), 400: error, 404: error },
    },
  },
  '/api/registrations/lookup': {
    post: {
      summary: 'A booking by mobile number and code',
      requestBody: body(registrationLookupBody),
      responses: { 200: ok('Registration'), 404: error, 422: error, 429: error },
    },
  },
  '/api/registrations/cancel': {
    post: {
      summary: 'Cancel a booking; the waiting list moves up',
      requestBody: body(registrationLookupBody),
      responses: { 200: ok('Registration'), 404: error, 422: error, 429: error },
    },
  },
  '/api/registrations/change': {
    post: {
      summary: 'Make a booking smaller',
      requestBody: body(registrationChangeBody),
      responses: { 200: ok('Registration'), 404: error, 422: error, 429: error },
    },
  },
  '/api/tickets/{token}': {
    get: { summary: 'A ticket (no personal data)', parameters: [token], responses: { 200: ok('Registration'), 404: error } },
  },
  '/api/tickets/{token}/qr.svg': {
    get: { summary: 'The ticket\'s check-in QR code', parameters: [token], responses: { 200: file('image/svg+xml'), 404: error } },
  },
  '/api/tickets/{token}/feedback': {
    get: {
      summary: 'The feedback form behind a ticket\'s link (texted after check-in): the event, and whether the booking may answer (open, answered, not-checked-in)',
      parameters: [token],
      responses: { 200: ok('FeedbackForm'), 404: error },
    },
    post: {
      summary: 'A resident\'s answer about an event they came to: overall 1–5, learned something usable, what to learn next, a comment (mobile and ID numbers masked out before it is kept). Once per booking (409)',
      parameters: [token],
      requestBody: body(feedbackBody),
      responses: { 201: ok('Ok'), 404: error, 409: error, 422: error, 429: error },
    },
  },
  '/api/tickets/{token}/release': {
    post: {
      summary: 'Give up a booking from the reminder link; the waiting list moves up',
      parameters: [token],
      responses: { 200: ok('ReleaseResult'), 404: error },
    },
  },
  '/api/organizer/events': {
    get: { summary: 'The organisation\'s events', ...organizer, responses: { 200: ok('OrganizerEventList'), 401: error, 403: error } },
    post: {
      summary: 'Create an event (draft); with `repeat` (every day, or every week on chosen days; until a date or a number of times; dates skipped) a series of drafts, each its own bookable event',
      ...organizer,
      requestBody: body(eventCreateBody),
      responses: { 201: ok('OrganizerEventRef'), 401: error, 403: error, 409: error, 422: error },
    },
  },
  '/api/organizer/events/import': {
    post: {
      summary: 'Events from a spreadsheet (multipart: file .xlsx or .csv in UTF-8 or GB18030, Chinese headers as in the template; commit 0 checks, 1 saves when every row is right: new drafts, or updates of the events imported before with the same 外部编号). Every row is answered with its problems in the organiser\'s language',
      ...organizer,
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: {
                file: { type: 'string', format: 'binary', maxLength: IMPORT_MAX_BYTES },
                commit: { type: 'string', enum: ['0', '1'], default: '0' },
              },
            },
          },
        },
      },
      responses: { 200: ok('EventImportResult'), 401: error, 403: error, 413: error, 422: error },
    },
  },
  '/api/organizer/events-template.xlsx': {
    get: {
      summary: 'The import template: Chinese headers, one example row, a sheet of venue codes, districts, categories, audiences and formats',
      ...organizer,
      responses: { 200: file(XLSX), 401: error, 403: error },
    },
  },
  '/api/organizer/events-template.csv': {
    get: {
      summary: 'The import template as CSV (UTF-8 with BOM): Chinese headers and one example row',
      ...organizer,
      responses: { 200: file('text/csv'), 401: error, 403: error },
    },
  },
  '/api/organizer/events/{id}': {
    get: {
      summary: 'One event of the organisation',
      ...organizer,
      parameters: [id],
      responses: { 200: ok('OrganizerEventDetail'), 401: error, 403: error, 404: error },
    },
    patch: {
      summary: 'Edit; capacity may not fall below confirmed places. A move of time or place texts everyone booked or waiting (event-changed; `notified` counts them). An occurrence of a series needs `scope`: this one, or this and the following ones',
      ...organizer,
      parameters: [id],
      requestBody: body(eventPatchBody),
      responses: { 200: ok('OrganizerEventSaved'), 401: error, 403: error, 409: error, 422: error },
    },
  },
  '/api/organizer/events/{id}/publish': {
    post: { summary: 'Publish', ...organizer, parameters: [id], responses: { 200: ok('OrganizerEventRef'), 409: error } },
  },
  '/api/organizer/events/{id}/unpublish': {
    post: {
      summary: 'Back to draft (only without bookings)',
      ...organizer,
      parameters: [id],
      responses: { 200: ok('OrganizerEventRef'), 409: error },
    },
  },
  '/api/organizer/events/{id}/cancel': {
    post: { summary: 'Cancel the event', ...organizer, parameters: [id], responses: { 200: ok('OrganizerEventRef'), 409: error } },
  },
  '/api/organizer/events/{id}/duplicate': {
    post: { summary: 'Copy as a new draft', ...organizer, parameters: [id], responses: { 201: ok('OrganizerEventRef') } },
  },
  '/api/organizer/events/{id}/registrations': {
    get: {
      summary: 'Attendees, masked',
      ...organizer,
      parameters: [id, { name: 'code', in: 'query', required: false, schema: { type: 'string' } }],
      responses: { 200: ok('OrganizerRegistrations'), 403: error },
    },
  },
  '/api/organizer/events/{id}/registrations.csv': {
    get: {
      summary: 'Attendees as CSV (UTF-8 with BOM, no cell runs as a formula), masked',
      ...organizer,
      parameters: [id, ...query(attendeesCsvQuery)],
      responses: { 200: file('text/csv'), 400: error, 403: error },
    },
    post: {
      summary: 'Attendees as CSV in full; the reason is written to the audit log first (JSON or a form post)',
      ...organizer,
      parameters: [id],
      requestBody: body(attendeesCsvRevealBody),
      responses: { 200: file('text/csv'), 403: error, 422: error },
    },
  },
  '/api/organizer/events/{id}/registrations.xlsx': {
    get: {
      summary: 'Attendees as an Excel workbook with typed columns (text, whole numbers, Beijing date-times), in the organiser\'s language, masked',
      ...organizer,
      parameters: [id, ...query(attendeesCsvQuery)],
      responses: { 200: file(XLSX), 400: error, 403: error },
    },
    post: {
      summary: 'Attendees as an Excel workbook in full; the reason is written to the audit log first (JSON or a form post)',
      ...organizer,
      parameters: [id],
      requestBody: body(attendeesCsvRevealBody),
      responses: { 200: file(XLSX), 403: error, 422: error },
    },
  },
  '/api/organizer/events/{id}/reveal': {
    post: {
      summary: 'One attendee\'s full name and number, with a reason (audited)',
      ...organizer,
      parameters: [id],
      requestBody: body(revealBody),
      responses: { 200: ok('RevealResult'), 403: error, 404: error, 422: error },
    },
  },
  '/api/organizer/events/{id}/check-ins': {
    post: {
      summary: 'Check in a party by code or ticket token',
      ...organizer,
      parameters: [id],
      requestBody: body(checkInBody),
      responses: { 200: ok('CheckInResult'), 404: error, 409: error },
    },
  },
  '/api/organizer/events/{id}/feedback': {
    get: {
      summary: 'What the attendees thought: answers counted, the comments (organisers only, numbers masked)',
      ...organizer,
      parameters: [id],
      responses: { 200: ok('FeedbackResults'), 403: error, 404: error },
    },
    post: {
      summary: 'Type in a paper feedback form (audited); with the booking\'s code it is that booking\'s one answer',
      ...organizer,
      parameters: [id],
      requestBody: body(paperFeedbackBody),
      responses: { 201: ok('Ok'), 403: error, 404: error, 409: error, 422: error },
    },
  },
  '/api/organizer/events/{id}/messages': {
    get: {
      summary: 'What the attendees were told: the organiser\'s messages (at most 3) and the moves of time or place, each with the texts sent',
      ...organizer,
      parameters: [id],
      responses: { 200: ok('OrganizerEventNotices'), 403: error, 404: error },
    },
    post: {
      summary: 'Send everyone booked or waiting a short message (event-message: one free parameter of at most 70 characters, no web address); audited; a 4th is a 409',
      ...organizer,
      parameters: [id],
      requestBody: body(eventMessageBody),
      responses: { 201: ok('EventMessageResult'), 403: error, 404: error, 409: error, 422: error },
    },
  },
  '/api/organizer/events/{id}/notifications': {
    get: {
      summary: 'The event\'s outbox: kind, status, tries and the last failure\'s reason; residents\' links withheld',
      ...organizer,
      parameters: [id],
      responses: { 200: ok('OrganizerNotifications'), 403: error },
    },
  },
  '/api/organizer/events/{id}/walk-ins': {
    post: {
      summary: 'Add and check in someone without a booking, into free places',
      ...organizer,
      parameters: [id],
      requestBody: body(walkInBody),
      responses: { 201: ok('WalkInResult'), 409: error, 422: error },
    },
  },
}
