import { z } from 'zod'
import { localizedText, venueKinds } from '../city/profile'

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)

export const venueListQuery = z.object({
  district: z.preprocess(emptyToUndefined, z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).optional()),
  kind: z.preprocess(emptyToUndefined, z.enum(venueKinds).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(50).default(12)),
})
export type VenueListQuery = z.infer<typeof venueListQuery>

/** A venue an organizer adds for an event that is not at one of the profile's venues. */
export const venueCreateBody = z.object({
  name: localizedText,
  kind: z.enum(venueKinds),
  district: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  address: localizedText,
  openingHours: localizedText,
  access: z.object({ stepFree: z.boolean(), hearingLoop: z.boolean(), parking: z.boolean() }).strict(),
  notes: localizedText.optional(),
}).strict()
