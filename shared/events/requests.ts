import { z } from 'zod'
import { localizedText } from '../city/profile'
import { mobileNumberSchema } from '../utils/phone'

/** The plan's four areas of information consumption. */
export const eventCategories = ['daily-life', 'public-services', 'industry', 'new-products'] as const
export const eventAudiences = ['older-people', 'farmers', 'migrant-workers', 'students', 'everyone'] as const
export const eventFormats = ['onsite', 'online'] as const
export const eventStatuses = ['draft', 'published', 'cancelled'] as const
export const ageGroups = ['under-18', '18-39', '40-59', '60-69', '70-plus'] as const
export const registrationStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const

export type EventCategory = typeof eventCategories[number]
export type EventAudience = typeof eventAudiences[number]
export type EventFormat = typeof eventFormats[number]
export type EventStatus = typeof eventStatuses[number]
export type RegistrationStatus = typeof registrationStatuses[number]

const code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)
const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess(v => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : [v]), z.array(item).max(10).optional())

export const eventListQuery = z.object({
  district: z.preprocess(emptyToUndefined, code.optional()),
  category: z.preprocess(emptyToUndefined, z.enum(eventCategories).optional()),
  audience: oneOrMany(z.enum(eventAudiences)),
  format: z.preprocess(emptyToUndefined, z.enum(eventFormats).optional()),
  /** A calendar day (YYYY-MM-DD) or a weekday 1–7 (Monday–Sunday) in Asia/Shanghai. */
  date: z.preprocess(emptyToUndefined, z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.coerce.number().int().min(1).max(7)]).optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(50).default(10)),
})
export type EventListQuery = z.infer<typeof eventListQuery>

export const eventSlugParams = z.object({ slug: code })

export const registrationBody = z.object({
  name: z.string().trim().min(1).max(40),
  phone: mobileNumberSchema,
  partySize: z.coerce.number().int().min(1).max(20),
  ageGroup: z.enum(ageGroups).optional(),
  district: code.optional(),
  consent: z.literal(true),
}).strict()
export type RegistrationInput = z.input<typeof registrationBody>

export const registrationLookupBody = z.object({
  phone: mobileNumberSchema,
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6,8}$/),
}).strict()

/** A demo event in seeds/demo/<city>-events.json; times are relative to the city's experience week. */
export const demoEventSchema = z.object({
  slug: code,
  organiser: code,
  venue: code.nullable(),
  district: code,
  category: z.enum(eventCategories),
  audience: z.array(z.enum(eventAudiences)).min(1),
  format: z.enum(eventFormats),
  title: localizedText,
  summary: localizedText,
  /** Markdown. */
  description: localizedText,
  whatToBring: localizedText.optional(),
  /** Day of the experience week, 0 = its first day. Negative: a past event, that many days before the day the demo is seeded. */
  day: z.number().int().min(-60).max(6),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  durationMinutes: z.number().int().min(15).max(480),
  capacity: z.number().int().min(1).max(5000),
  maxPartySize: z.number().int().min(1).max(20).default(4),
  /** Demo bookings to create: confirmed places (in parties of 1–3) and waiting-list parties. */
  demoBookings: z.object({ confirmedPlaces: z.number().int().min(0), waitlistParties: z.number().int().min(0).default(0) }).strict().optional(),
}).strict().superRefine((e, ctx) => {
  if (e.format === 'onsite' && !e.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: 'on-site events need a venue' })
  if ((e.demoBookings?.confirmedPlaces ?? 0) > e.capacity) ctx.addIssue({ code: 'custom', path: ['demoBookings', 'confirmedPlaces'], message: 'more than the capacity' })
})
export const demoEventsFileSchema = z.array(demoEventSchema).min(1)
export type DemoEvent = z.infer<typeof demoEventSchema>
