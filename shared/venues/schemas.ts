import { z } from 'zod'
import { codeSchema, localizedText, localizedView, optionalQuery, pageQuery } from '../primitives'
import { venueKinds } from '../city/profile'

export const venueListQuery = z.object({
  district: optionalQuery(codeSchema),
  kind: optionalQuery(z.enum(venueKinds)),
  ...pageQuery(12),
})

const access = z.object({ stepFree: z.boolean(), hearingLoop: z.boolean(), parking: z.boolean() }).strict()

/** A venue an organizer adds for an event that is not at one of the profile's venues. */
export const venueCreateBody = z.object({
  name: localizedText,
  kind: z.enum(venueKinds),
  district: codeSchema,
  address: localizedText,
  openingHours: localizedText,
  access,
  notes: localizedText.optional(),
}).strict()

/** A venue as GET /api/venues returns it. */
export const venueView = z.object({
  code: z.string(),
  name: localizedView,
  kind: z.enum(venueKinds),
  district: z.string(),
  districtName: localizedView,
  address: localizedView,
  openingHours: localizedView,
  phone: z.string().nullable(),
  notes: localizedView.nullable(),
  access,
  /** Published events here that have not ended. */
  upcomingEvents: z.number().int(),
})
export type VenueView = z.infer<typeof venueView>

export const venueCreated = z.object({ code: z.string() })
export type VenueCreated = z.infer<typeof venueCreated>
