import { z } from 'zod'
import { eventListQuery, registrationBody, registrationLookupBody } from '../../shared/events/requests'
import { checkInBody, eventCreateBody, eventPatchBody, revealBody, walkInBody } from '../../shared/events/organizer'
import { registrationChangeBody } from '../../shared/events/registrations'
import { venueCreateBody } from '../../shared/venues/schemas'

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
const localized = { type: 'object', required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } }

/** The event object of the public API; a test checks real responses against its required fields. */
export const eventSchema = {
  type: 'object',
  required: ['id', 'slug', 'title', 'summary', 'startsAt', 'endsAt', 'venueId', 'district', 'category', 'audience', 'format', 'capacity', 'maxPartySize', 'bookingOpensAt', 'bookingClosesAt', 'status', 'placesLeft', 'waitlistLength', 'bookingOpen', 'availability'],
  properties: {
    id: { type: 'string' }, slug: { type: 'string' }, title: localized, summary: localized,
    startsAt: { type: 'string', format: 'date-time' }, endsAt: { type: 'string', format: 'date-time' },
    venueId: { type: ['string', 'null'] }, district: { type: 'string' },
    category: { enum: ['daily-life', 'public-services', 'industry', 'new-products'] },
    audience: { type: 'array', items: { enum: ['older-people', 'farmers', 'migrant-workers', 'students', 'everyone'] } },
    format: { enum: ['onsite', 'online'] }, capacity: { type: 'integer' }, maxPartySize: { type: 'integer' },
    bookingOpensAt: { type: 'string', format: 'date-time' }, bookingClosesAt: { type: 'string', format: 'date-time' },
    status: { enum: ['draft', 'published', 'cancelled'] }, placesLeft: { type: 'integer' }, waitlistLength: { type: 'integer' }, bookingOpen: { type: 'boolean' },
    availability: { enum: ['open', 'few-left', 'waitlist', 'full', 'not-yet-open', 'closed', 'ended', 'cancelled'] },
  },
}
export const eventDetailSchema = { allOf: [eventSchema, { type: 'object', required: ['description', 'descriptionHtml'], properties: { description: localized, descriptionHtml: localized, whatToBring: { oneOf: [localized, { type: 'null' }] } } }] }
export const registrationResultSchema = {
  type: 'object', required: ['code', 'status', 'partySize', 'ticketToken'],
  properties: { code: { type: 'string', pattern: '^[A-Z0-9]{6,8}$' }, status: { enum: ['confirmed', 'waitlisted'] }, waitlistPosition: { type: 'integer' }, partySize: { type: 'integer' }, ticketToken: { type: 'string' } },
}
const error = { description: 'Error: `{ statusCode, message, data?: { fieldErrors?, reason? } }`', content: { 'application/json': { schema: { type: 'object', required: ['statusCode', 'message'], properties: { statusCode: { type: 'integer' }, message: { type: 'string' }, data: { type: 'object' } } } } } }
const ok = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: json(schema) } } })
const query = (schema: z.ZodObject) => Object.entries(json(schema).properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }))
const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } }
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
const token = { name: 'token', in: 'path', required: true, schema: { type: 'string' } }
const organizer = { security: [{ session: [] }] }

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: '信息消费体验周 portal API', version: '1.0.0', description: 'Public and organizer API of the Information Consumption Experience Week portal. Times are ISO 8601 (UTC); show them in Asia/Shanghai. Text is `{ zh, en }`.' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'nuxt-session' } }, schemas: { Event: eventSchema, EventDetail: eventDetailSchema, RegistrationResult: registrationResultSchema } },
    paths: {
      '/api/events': { get: { summary: 'Published upcoming events of the city', parameters: query(eventListQuery), responses: { 200: ok({ type: 'object', required: ['items', 'total', 'page', 'pageSize'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Event' } }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } }), 400: error } } },
      '/api/events/{slug}': { get: { summary: 'One event', parameters: [slug], responses: { 200: ok({ $ref: '#/components/schemas/EventDetail' }), 404: error } } },
      '/api/events/{slug}/registrations': { post: { summary: 'Book places (a household, all or none); confirmed or on the waiting list', parameters: [slug], requestBody: body(registrationBody), responses: { 201: ok({ $ref: '#/components/schemas/RegistrationResult' }, 'Booked'), 404: error, 409: error, 410: error, 422: error, 429: error } } },
      '/api/events/{slug}/calendar.ics': { get: { summary: 'iCalendar file with a reminder', parameters: [slug], responses: { 200: { description: 'text/calendar' }, 404: error } } },
      '/api/registrations/lookup': { post: { summary: 'A booking by mobile number and code', requestBody: body(registrationLookupBody), responses: { 200: ok({ type: 'object' }), 404: error, 422: error, 429: error } } },
      '/api/registrations/cancel': { post: { summary: 'Cancel a booking; the waiting list moves up', requestBody: body(registrationLookupBody), responses: { 200: ok({ type: 'object' }), 404: error, 422: error, 429: error } } },
      '/api/registrations/change': { post: { summary: 'Make a booking smaller', requestBody: body(registrationChangeBody), responses: { 200: ok({ type: 'object' }), 404: error, 422: error, 429: error } } },
      '/api/tickets/{token}': { get: { summary: 'A ticket (no personal data)', parameters: [token], responses: { 200: ok({ type: 'object' }), 404: error } } },
      '/api/tickets/{token}/qr.svg': { get: { summary: 'The ticket\'s check-in QR code', parameters: [token], responses: { 200: { description: 'image/svg+xml' }, 404: error } } },
      '/api/tickets/{token}/release': { post: { summary: 'Give up a booking from the reminder link; the waiting list moves up', parameters: [token], responses: { 200: ok({ type: 'object' }), 404: error } } },
      '/api/my-data': { post: { summary: 'Everything held about a resident (proof: a booking code with the number)', requestBody: body(registrationLookupBody), responses: { 200: ok({ type: 'object' }), 404: error, 429: error } } },
      '/api/my-data/erase': { post: { summary: 'Erase a resident\'s personal data', requestBody: body(registrationLookupBody), responses: { 200: ok({ type: 'object' }), 404: error, 429: error } } },
      '/api/organizer/events': {
        get: { summary: 'The organisation\'s events', ...organizer, responses: { 200: ok({ type: 'object' }), 401: error, 403: error } },
        post: { summary: 'Create an event (draft)', ...organizer, requestBody: body(eventCreateBody), responses: { 201: ok({ type: 'object' }), 401: error, 403: error, 409: error, 422: error } },
      },
      '/api/organizer/venues': { post: { summary: 'Add a venue that is not in the city profile', ...organizer, requestBody: body(venueCreateBody), responses: { 201: ok({ type: 'object' }), 401: error, 422: error } } },
      '/api/organizer/events/{id}': {
        get: { summary: 'One event of the organisation', ...organizer, parameters: [id], responses: { 200: ok({ type: 'object' }), 401: error, 403: error, 404: error } },
        patch: { summary: 'Edit; capacity may not fall below confirmed places', ...organizer, parameters: [id], requestBody: body(eventPatchBody), responses: { 200: ok({ type: 'object' }), 401: error, 403: error, 422: error } },
      },
      '/api/organizer/events/{id}/publish': { post: { summary: 'Publish', ...organizer, parameters: [id], responses: { 200: ok({ type: 'object' }), 409: error } } },
      '/api/organizer/events/{id}/unpublish': { post: { summary: 'Back to draft (only without bookings)', ...organizer, parameters: [id], responses: { 200: ok({ type: 'object' }), 409: error } } },
      '/api/organizer/events/{id}/cancel': { post: { summary: 'Cancel the event', ...organizer, parameters: [id], responses: { 200: ok({ type: 'object' }), 409: error } } },
      '/api/organizer/events/{id}/duplicate': { post: { summary: 'Copy as a new draft', ...organizer, parameters: [id], responses: { 201: ok({ type: 'object' }) } } },
      '/api/organizer/events/{id}/registrations': { get: { summary: 'Attendees, masked', ...organizer, parameters: [id, { name: 'code', in: 'query', required: false, schema: { type: 'string' } }], responses: { 200: ok({ type: 'object' }), 403: error } } },
      '/api/organizer/events/{id}/registrations.csv': { get: { summary: 'Attendees as CSV (UTF-8 with BOM); `reveal=1&reason=` for full details, audited', ...organizer, parameters: [id], responses: { 200: { description: 'text/csv' }, 400: error, 403: error } } },
      '/api/organizer/events/{id}/reveal': { post: { summary: 'One attendee\'s full name and number, with a reason (audited)', ...organizer, parameters: [id], requestBody: body(revealBody), responses: { 200: ok({ type: 'object' }), 403: error, 404: error, 422: error } } },
      '/api/organizer/events/{id}/check-ins': { post: { summary: 'Check in a party by code or ticket token', ...organizer, parameters: [id], requestBody: body(checkInBody), responses: { 200: ok({ type: 'object' }), 404: error, 409: error } } },
      '/api/organizer/events/{id}/notifications': { get: { summary: 'The event\'s outbox (confirmations, promotions, reminders, cancellations)', ...organizer, parameters: [id], responses: { 200: ok({ type: 'object' }), 403: error } } },
      '/api/organizer/events/{id}/walk-ins': { post: { summary: 'Add and check in someone without a booking, into free places', ...organizer, parameters: [id], requestBody: body(walkInBody), responses: { 201: ok({ type: 'object' }), 409: error, 422: error } } },
    },
  }
}
