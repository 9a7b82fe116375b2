import { z } from 'zod'
import { CONFIRMATION_CODE_PATTERN, localizedView, timestampSchema } from '../primitives'
import { availabilities, eventAudiences, eventCategories, eventFormats, eventStatuses, registrationStatuses } from './vocabulary'

const venueOfEvent = z.object({
  code: z.string(),
  name: localizedView,
  address: localizedView,
  access: z.object({ stepFree: z.boolean(), hearingLoop: z.boolean(), parking: z.boolean() }),
  notes: localizedView.nullable(),
})

/** An event as the public API returns it (GET /api/events, GET /api/events/:slug). */
export const eventView = z.object({
  id: z.string(),
  slug: z.string(),
  title: localizedView,
  summary: localizedView,
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  venueId: z.string().nullable(),
  venue: venueOfEvent.nullable(),
  district: z.string(),
  districtName: localizedView,
  organiser: z.object({ code: z.string(), name: localizedView }),
  category: z.enum(eventCategories),
  audience: z.array(z.enum(eventAudiences)),
  format: z.enum(eventFormats),
  capacity: z.number().int(),
  maxPartySize: z.number().int(),
  bookingOpensAt: timestampSchema,
  bookingClosesAt: timestampSchema,
  status: z.enum(eventStatuses),
  placesLeft: z.number().int(),
  waitlistLength: z.number().int(),
  bookingOpen: z.boolean(),
  availability: z.enum(availabilities),
})
export type EventView = z.infer<typeof eventView>

export const eventDetailView = eventView.extend({
  /** Markdown as written. */
  description: localizedView,
  /** The Markdown rendered to safe HTML (no raw HTML, no javascript: links). */
  descriptionHtml: localizedView,
  whatToBring: localizedView.nullable(),
  /** A repeating class: the series' other published classes still to come (at most 12), each booked on its own. Absent for a one-off event. */
  series: z.object({ dates: z.array(z.object({ slug: z.string(), startsAt: timestampSchema, bookingOpen: z.boolean() })) }).optional(),
})
export type EventDetailView = z.infer<typeof eventDetailView>

const confirmationCode = z.string().regex(CONFIRMATION_CODE_PATTERN)

/** POST /api/events/:slug/registrations: confirmed, or on the waiting list at a position. */
export const registrationResult = z.object({
  code: confirmationCode,
  status: z.enum(['confirmed', 'waitlisted']),
  waitlistPosition: z.number().int().optional(),
  partySize: z.number().int(),
  ticketToken: z.string(),
})
export type RegistrationResult = z.infer<typeof registrationResult>

/** A booking as its resident sees it (look-up, ticket, change, cancel, release). */
export const registrationView = z.object({
  code: confirmationCode,
  status: z.enum(registrationStatuses),
  partySize: z.number().int(),
  waitlistPosition: z.number().int().nullable(),
  checkedIn: z.boolean(),
  ticketToken: z.string(),
  event: eventView.pick({ slug: true, title: true, startsAt: true, endsAt: true, venue: true, format: true, districtName: true, status: true, maxPartySize: true }),
})
export type RegistrationView = z.infer<typeof registrationView>

/** POST /api/tickets/:token/release: the booking's status afterwards. */
export const releaseResult = z.object({ status: z.enum(registrationStatuses) })
export type ReleaseResult = z.infer<typeof releaseResult>

/** GET /api/events/suggestions: where else to look when a search finds nothing. */
export const eventSuggestions = z.object({
  /** Events that match without the district and day chosen (null when neither was chosen). */
  elsewhere: z.number().int().nullable(),
  /** Courses to learn at home on what was searched for. */
  courses: z.array(z.object({ slug: z.string(), title: localizedView })),
})
export type EventSuggestions = z.infer<typeof eventSuggestions>

/** Where a poster leads (GET /api/events/:slug/poster, /api/courses/:slug/poster): the page's absolute URL, the same to type, its QR code as SVG. */
export const posterLink = z.object({
  url: z.string(),
  address: z.string(),
  qrSvg: z.string(),
})
export type PosterLink = z.infer<typeof posterLink>

/** A district's poster (GET /api/events/poster?district=): its events of the next seven days, soonest first (at most 12). */
export const districtPoster = posterLink.extend({
  district: z.string(),
  districtName: localizedView,
  events: z.array(eventView),
})
export type DistrictPoster = z.infer<typeof districtPoster>
