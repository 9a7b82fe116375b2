import { z } from 'zod'
import { codeSchema, confirmationCodeSchema, isoDateSchema, mobileNumberSchema, oneOrMany, optionalQuery, pageQuery } from '../primitives'
import { languages } from '../i18n/languages'
import { ageGroups, eventAudiences, eventCategories, eventFormats } from './vocabulary'

export const eventListQuery = z.object({
  district: optionalQuery(codeSchema),
  /** A venue's code: its events only. */
  venue: optionalQuery(codeSchema),
  category: optionalQuery(z.enum(eventCategories)),
  audience: oneOrMany(z.enum(eventAudiences)),
  format: optionalQuery(z.enum(eventFormats)),
  /** A calendar day (YYYY-MM-DD) or a weekday 1–7 (Monday–Sunday) in Asia/Shanghai. */
  date: optionalQuery(z.union([isoDateSchema, z.coerce.number().int().min(1).max(7)])),
  q: optionalQuery(z.string().trim().max(100)),
  ...pageQuery(10),
})
export type EventListQuery = z.infer<typeof eventListQuery>

export const eventSlugParams = z.object({ slug: codeSchema })

/** The calendar file's language: `?lang=` when a link names one, else the resident's cookie or Accept-Language. */
export const calendarQuery = z.object({
  lang: optionalQuery(z.enum(languages)),
})

export const registrationBody = z.object({
  name: z.string().trim().min(1).max(40),
  phone: mobileNumberSchema,
  partySize: z.coerce.number().int().min(1).max(20),
  ageGroup: z.enum(ageGroups).optional(),
  district: codeSchema.optional(),
  consent: z.literal(true),
}).strict()

/** A resident proves a booking is theirs with its code and the mobile number it was made with. */
export const registrationLookupBody = z.object({
  phone: mobileNumberSchema,
  code: confirmationCodeSchema,
}).strict()

export const registrationChangeBody = registrationLookupBody.extend({
  partySize: z.coerce.number().int().min(1).max(20),
}).strict()

export const ticketParams = z.object({ token: z.string().max(80) })

/** A district's poster and share picture; `lang` picks the picture's language (Chinese when absent). */
export const districtPosterQuery = z.object({
  district: codeSchema,
  lang: optionalQuery(z.enum(languages)),
})

/** The share picture's language (Chinese when absent: it goes to chat groups in the city). */
export const sharePictureQuery = z.object({
  lang: optionalQuery(z.enum(languages)),
})

/**
 * The feeds (`/api/events/feed.ics`, `/api/events/feed.atom`): the whole city, or one district's
 * or one venue's events; `lang` picks the language (else the cookie or Accept-Language).
 */
export const feedQuery = z.object({
  district: optionalQuery(codeSchema),
  venue: optionalQuery(codeSchema),
  lang: optionalQuery(z.enum(languages)),
})
export type FeedQuery = z.infer<typeof feedQuery>
