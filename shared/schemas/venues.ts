import { z } from 'zod'
import { venueKinds } from './city'

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)

export const venueListQuery = z.object({
  district: z.preprocess(emptyToUndefined, z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).optional()),
  kind: z.preprocess(emptyToUndefined, z.enum(venueKinds).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(50).default(12)),
})
export type VenueListQuery = z.infer<typeof venueListQuery>
