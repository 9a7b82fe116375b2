import { z } from 'zod'
import { chineseFirstText, codeSchema as code, confirmationCodeSchema, emptyToUndefined, instantSchema as instant, listOf, localizedView, timestampSchema } from '../primitives'
import { registrationBody } from './requests'
import { repeatRule, seriesScopes } from './series'
import { ageGroups, eventAudiences, eventCategories, eventFormats, eventStatuses, registrationSources, registrationStatuses } from './vocabulary'

const eventFields = {
  slug: code,
  // Chinese is enough: many organisers (village stations, district offices) write no English.
  title: chineseFirstText,
  summary: chineseFirstText,
  description: chineseFirstText,
  whatToBring: chineseFirstText.nullable().optional(),
  startsAt: instant,
  endsAt: instant,
  /** A venue from the city profile (or one added later); null for online events. */
  venueCode: code.nullable(),
  district: code,
  category: z.enum(eventCategories),
  audience: z.array(z.enum(eventAudiences)).min(1).max(5),
  format: z.enum(eventFormats),
  capacity: z.number().int().min(1).max(5000),
  maxPartySize: z.number().int().min(1).max(20),
  bookingOpensAt: instant,
  bookingClosesAt: instant,
  /** Admins name the organisation an event belongs to; organizers' events are always their own. */
  organisationCode: code.optional(),
  /** The courses (content/courses/<slug>) the event teaches: their pages list it while it is upcoming. */
  courses: z.array(code).max(10).optional(),
}

type EventFields = { startsAt: string, endsAt: string, bookingOpensAt: string, bookingClosesAt: string, format: string, venueCode: string | null }

/** The rules an event must keep, whether created whole or patched. */
export function checkEventTimes(e: EventFields, ctx: z.RefinementCtx) {
  if (e.endsAt <= e.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Must be after the start' })
  if (e.bookingClosesAt <= e.bookingOpensAt) ctx.addIssue({ code: 'custom', path: ['bookingClosesAt'], message: 'Must be after booking opens' })
  if (e.bookingClosesAt > e.endsAt) ctx.addIssue({ code: 'custom', path: ['bookingClosesAt'], message: 'Must not be after the event ends' })
  if (e.format === 'onsite' && !e.venueCode) ctx.addIssue({ code: 'custom', path: ['venueCode'], message: 'On-site events need a venue' })
}

// Defaults belong to creation only: inside .partial() zod would still fill them in, and a
// PATCH that leaves a field out would reset it.
// A blank slug is made from the Chinese title on the server (server/events/slug.ts).
// `repeat` (重复) makes a series: every occurrence its own event (server/events/series.ts).
export const eventCreateBody = z.object({ ...eventFields, slug: z.preprocess(emptyToUndefined, code.optional()), maxPartySize: eventFields.maxPartySize.default(4), repeat: repeatRule.optional() }).strict().superRefine(checkEventTimes)
/** `scope`: for an occurrence of a series, change only it ('this') or it and every later one ('following'); required there. */
export const eventPatchBody = z.object({ ...eventFields, scope: z.enum(seriesScopes) }).partial().strict()
export type EventCreateInput = Omit<z.output<typeof eventCreateBody>, 'repeat'>

export const eventIdParams = z.object({ id: z.uuid() })

export const checkInBody = z.union([
  z.object({ code: confirmationCodeSchema }).strict(),
  z.object({ ticketToken: z.string().max(80) }).strict(),
])

export const walkInBody = registrationBody.omit({ consent: true }).extend({ consent: z.literal(true) }).strict()

export const revealBody = z.object({
  registrationCode: confirmationCodeSchema,
  reason: z.string().trim().min(2).max(200),
}).strict()

/** GET …/registrations.csv is always masked; a reveal is a POST carrying its reason (never a link a foreign page could trigger). */
export const attendeesCsvQuery = z.object({}).strict()
/** POST …/registrations.csv: the full list, with the reason recorded in the audit log first. */
export const attendeesCsvRevealBody = z.object({ reason: z.string().trim().min(2).max(200) }).strict()

export const attendeesQuery = z.object({
  /** One booking by its code; malformed codes simply match nothing. */
  code: z.preprocess(v => (typeof v === 'string' ? v.trim().toUpperCase().slice(0, 8) : undefined), z.string().optional()),
})

// Responses

/** The numbers the organizer pages show for an event. */
const eventCounts = {
  capacity: z.number().int(),
  confirmedPlaces: z.number().int(),
  waitlistLength: z.number().int(),
  checkedInPlaces: z.number().int(),
}

/** One row of GET /api/organizer/events. */
export const organizerEventItem = z.object({
  id: z.string(),
  slug: z.string(),
  title: localizedView,
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  status: z.enum(eventStatuses),
  format: z.enum(eventFormats),
  ...eventCounts,
  /** Texts to its attendees that could not be delivered after every retry. */
  failedMessages: z.number().int(),
})
export type OrganizerEventItem = z.infer<typeof organizerEventItem>
export const organizerEventList = listOf(organizerEventItem)
export type OrganizerEventList = z.infer<typeof organizerEventList>

/** GET /api/organizer/events/:id: the fields the edit form sends back, with the status and counts. */
export const organizerEventDetail = z.object({
  ...eventFields,
  title: localizedView,
  summary: localizedView,
  description: localizedView,
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  bookingOpensAt: timestampSchema,
  bookingClosesAt: timestampSchema,
  maxPartySize: z.number().int(),
  whatToBring: localizedView.nullable(),
  id: z.string(),
  status: z.enum(eventStatuses),
  ...eventCounts,
  /** The series this event is an occurrence of: its place in it (1-based) among the series' occurrences. */
  series: z.object({ id: z.string(), position: z.number().int(), total: z.number().int() }).nullable(),
})
export type OrganizerEventDetail = z.infer<typeof organizerEventDetail>

/** What create, duplicate and the status moves answer. */
export const organizerEventRef = z.object({
  id: z.string(), slug: z.string().optional(), status: z.enum(eventStatuses),
  /** A repeating class: the series and how many occurrences were made (the first is `id`). */
  series: z.object({ id: z.string(), occurrences: z.number().int() }).optional(),
  /** A cancellation: how many bookings (confirmed and waiting) were texted. */
  notified: z.number().int().optional(),
})
export type OrganizerEventRef = z.infer<typeof organizerEventRef>

/** What PATCH answers: how many events changed (more than one for "this and following") and how many bookings were texted about a move. */
export const organizerEventSaved = z.object({ ok: z.literal(true), occurrences: z.number().int(), notified: z.number().int() })
export type OrganizerEventSaved = z.infer<typeof organizerEventSaved>

/** One booking in the attendee list: name and number masked. */
export const organizerRegistration = z.object({
  code: z.string(),
  status: z.enum(registrationStatuses),
  partySize: z.number().int(),
  name: z.string(),
  phone: z.string(),
  ageGroup: z.enum(ageGroups).nullable(),
  district: z.string().nullable(),
  source: z.enum(registrationSources),
  checkedInAt: timestampSchema.nullable(),
  /** When the resident replied "1" (确认参加) to the reminder's text. */
  attendanceConfirmedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
})
export type OrganizerRegistration = z.infer<typeof organizerRegistration>

export const organizerRegistrations = z.object({
  event: z.object({ id: z.string(), slug: z.string(), title: localizedView, ...eventCounts }),
  items: z.array(organizerRegistration),
})
export type OrganizerRegistrations = z.infer<typeof organizerRegistrations>

export const revealResult = z.object({ name: z.string(), phone: z.string() })
export type RevealResult = z.infer<typeof revealResult>

export const checkInResult = z.object({
  code: z.string(),
  /** Masked (张*), so the person at the door can say "张先生/女士，请进" without seeing the whole name. */
  name: z.string(),
  partySize: z.number().int(),
  checkedInAt: timestampSchema,
  alreadyCheckedIn: z.boolean(),
})
export type CheckInResult = z.infer<typeof checkInResult>

export const walkInResult = checkInResult.omit({ alreadyCheckedIn: true, name: true })
export type WalkInResult = z.infer<typeof walkInResult>

/** One message in the event's outbox. */
export const organizerNotification = z.object({
  code: z.string(),
  kind: z.enum(['confirmed', 'waitlisted', 'assisted-confirmed', 'assisted-waitlisted', 'promoted', 'reminder', 'event-cancelled', 'event-changed', 'event-message', 'feedback', 'reply-cancelled', 'reply-confirmed', 'reply-help', 'reply-choice-1', 'reply-choice-2', 'reply-choice-3', 'reply-choice-4', 'reply-choice-5']),
  status: z.enum(['pending', 'sent', 'failed', 'skipped']),
  sendAfter: timestampSchema,
  sentAt: timestampSchema.nullable(),
  /** Tries so far; a failed try is retried later, after a growing pause. */
  attempts: z.number().int(),
  provider: z.string().nullable(),
  /** The text as sent, with the resident's personal link withheld. */
  message: z.string().nullable(),
  /** Why the last try failed (the gateway's answer, a timeout). */
  error: z.string().nullable(),
})
export const organizerNotificationList = listOf(organizerNotification)
export type OrganizerNotificationList = z.infer<typeof organizerNotificationList>
