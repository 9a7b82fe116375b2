import { z } from 'zod'
import { localizedView } from '../primitives'
import { cityProfileFields } from './profile'

/** What GET /api/city returns: the profile's public parts, with districts and organisers as stored. */
export const cityView = cityProfileFields.pick({ slug: true, name: true, province: true, plan: true, week: true, focusAreas: true, contact: true }).extend({
  districts: z.array(z.object({ code: z.string(), name: localizedView, kind: z.string() })),
  organisers: z.array(z.object({ code: z.string(), name: localizedView, role: z.string().nullable() })),
  venueCount: z.number().int(),
})
export type CityView = z.infer<typeof cityView>
