import { z } from 'zod'
import { codeSchema as code, localizedText } from '../primitives'
import { eventAudiences, eventCategories, eventFormats } from './vocabulary'

/** A demo event in seeds/demo/<city>-events.json; times are relative to the city's experience week. */
export const demoEventSchema = z.object({
  slug: code,
  organiser: code,
  venue: code.nullable(),
  district: code,
  category: z.enum(eventCategories),
  /** The courses (content/courses/<slug>) the event teaches; each course page lists it. */
  courses: z.array(code).default([]),
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
