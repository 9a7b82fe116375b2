import { z } from 'zod'
import { codeSchema as code, isoDateSchema as isoDate, localizedText } from '../primitives'

export const districtKinds = ['district', 'county', 'county-city', 'new-area', 'development-zone'] as const
export const organiserRoles = ['lead', 'co-organiser', 'supporter'] as const
export const venueKinds = ['experience-centre', 'store', 'library', 'community-station', 'village-station', 'service-hall'] as const
/** The plan's four areas of information consumption (重点领域). */
export const focusAreas = ['daily-life', 'public-services', 'industry', 'new-products'] as const

export const districtSchema = z.object({
  code,
  name: localizedText,
  kind: z.enum(districtKinds),
}).strict()

export const organiserSchema = z.object({
  code,
  name: localizedText,
  role: z.enum(organiserRoles),
}).strict()

export const venueSchema = z.object({
  code,
  name: localizedText,
  kind: z.enum(venueKinds),
  district: code,
  address: localizedText,
  openingHours: localizedText,
  phone: z.string().regex(/^[0-9+\- ]{5,20}$/).optional(),
  access: z.object({
    stepFree: z.boolean(),
    hearingLoop: z.boolean(),
    parking: z.boolean(),
  }).strict(),
  notes: localizedText.optional(),
}).strict()

/** The profile's fields; `cityProfileSchema` adds the rules between them. */
export const cityProfileFields = z.object({
  slug: code,
  name: localizedText,
  province: localizedText,
  plan: z.object({
    title: localizedText,
    issuedBy: localizedText,
    issuedOn: isoDate,
    docNumber: z.string().max(60).optional(),
    /** What the plan asks of the experience week, in a sentence or two. */
    summary: localizedText,
  }).strict(),
  week: z.object({
    theme: localizedText,
    startsOn: isoDate,
    endsOn: isoDate,
    intro: localizedText,
  }).strict(),
  focusAreas: z.array(z.object({
    area: z.enum(focusAreas),
    body: localizedText,
  }).strict()).length(4),
  districts: z.array(districtSchema).min(1),
  organisers: z.array(organiserSchema).min(1),
  venues: z.array(venueSchema).min(1),
  contact: z.object({
    organisation: localizedText,
    phone: z.string().regex(/^[0-9+\- ]{5,20}$/),
    email: z.string().email().optional(),
    address: localizedText,
    hours: localizedText,
  }).strict(),
}).strict()

export const cityProfileSchema = cityProfileFields.superRefine((city, ctx) => {
  if (city.week.endsOn < city.week.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['week', 'endsOn'], message: 'must not be before startsOn' })
  }
  const districts = new Set(city.districts.map(d => d.code))
  city.venues.forEach((venue, i) => {
    if (!districts.has(venue.district)) {
      ctx.addIssue({ code: 'custom', path: ['venues', i, 'district'], message: `unknown district "${venue.district}"` })
    }
  })
  for (const key of ['districts', 'organisers', 'venues'] as const) {
    const seen = new Set<string>()
    city[key].forEach((entry, i) => {
      if (seen.has(entry.code)) ctx.addIssue({ code: 'custom', path: [key, i, 'code'], message: `duplicate code "${entry.code}"` })
      seen.add(entry.code)
    })
  }
  const areas = new Set(city.focusAreas.map(f => f.area))
  if (areas.size !== focusAreas.length) ctx.addIssue({ code: 'custom', path: ['focusAreas'], message: 'each of the four areas exactly once' })
})

export type CityProfile = z.infer<typeof cityProfileSchema>
export type Venue = z.infer<typeof venueSchema>
export type District = z.infer<typeof districtSchema>
