import { z } from 'zod'
import { localizedText } from '../city/profile'
import { eventAudiences, eventCategories, eventFormats, registrationBody } from './requests'

const code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
const instant = z.iso.datetime({ offset: true }).transform(v => new Date(v).toISOString())

const eventFields = {
  slug: code,
  title: localizedText,
  summary: localizedText,
  description: localizedText,
  whatToBring: localizedText.nullable().optional(),
  startsAt: instant,
  endsAt: instant,
  /** A venue from the city profile (or one added later); null for online events. */
  venueCode: code.nullable(),
  district: code,
  category: z.enum(eventCategories),
  audience: z.array(z.enum(eventAudiences)).min(1).max(5),
  format: z.enum(eventFormats),
  capacity: z.number().int().min(1).max(5000),
  maxPartySize: z.number().int().min(1).max(20).default(4),
  bookingOpensAt: instant,
  bookingClosesAt: instant,
  /** Admins name the organisation an event belongs to; organizers' events are always their own. */
  organisationCode: code.optional(),
}

type EventFields = { startsAt: string, endsAt: string, bookingOpensAt: string, bookingClosesAt: string, format: string, venueCode: string | null }

/** The rules an event must keep, whether created whole or patched. */
export function checkEventTimes(e: EventFields, ctx: z.RefinementCtx) {
  if (e.endsAt <= e.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Must be after the start' })
  if (e.bookingClosesAt <= e.bookingOpensAt) ctx.addIssue({ code: 'custom', path: ['bookingClosesAt'], message: 'Must be after booking opens' })
  if (e.bookingClosesAt > e.endsAt) ctx.addIssue({ code: 'custom', path: ['bookingClosesAt'], message: 'Must not be after the event ends' })
  if (e.format === 'onsite' && !e.venueCode) ctx.addIssue({ code: 'custom', path: ['venueCode'], message: 'On-site events need a venue' })
}

export const eventCreateBody = z.object(eventFields).strict().superRefine(checkEventTimes)
export const eventPatchBody = z.object(eventFields).partial().strict()
export type EventCreateInput = z.output<typeof eventCreateBody>

export const eventIdParams = z.object({ id: z.uuid() })

export const checkInBody = z.union([
  z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6,8}$/) }).strict(),
  z.object({ ticketToken: z.string().max(80) }).strict(),
])

export const walkInBody = registrationBody.omit({ consent: true }).extend({ consent: z.literal(true) }).strict()

export const revealBody = z.object({
  registrationCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6,8}$/),
  reason: z.string().trim().min(2).max(200),
}).strict()
