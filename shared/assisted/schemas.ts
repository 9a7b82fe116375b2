import { z } from 'zod'
import { confirmationCodeSchema, listOf, localizedView, slugSchema, timestampSchema } from '../primitives'
import { normalizeMobile } from '../utils/phone'
import { registrationStatuses } from '../events/vocabulary'

/** How the resident agreed to the booking: present at the counter (在场本人同意) or on the phone (电话中本人同意). */
export const assistedConsents = ['in-person', 'phone'] as const
export type AssistedConsent = typeof assistedConsents[number]
/** How the resident can be reached: texts go only to a mobile; a landline or no phone gets the printed slip. */
export const assistedContacts = ['mobile', 'landline', 'none'] as const
export type AssistedContact = typeof assistedContacts[number]

const LANDLINE_MESSAGE = 'Enter a landline number with its area code, e.g. 024-12345678'

/** A mainland landline as digits (area code and 7–8 digits), full-width digits and separators allowed. */
export function normalizeLandline(input: string): string | null {
  const compact = input.replace(/[\uFF10-\uFF19]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).replace(/[\s\-.()（）－]/g, '')
  return /^0\d{2,3}\d{7,8}$/.test(compact) ? compact : null
}

const MOBILE_MESSAGE = 'Enter an 11-digit mainland mobile number'

/** POST /api/assisted/registrations: a helper books an event for a named resident, with the resident's consent. */
export const assistedBookingBody = z.object({
  event: slugSchema,
  name: z.string().trim().min(1).max(40),
  contact: z.enum(assistedContacts),
  /** The mobile or landline number; left out for "no phone". */
  phone: z.string().max(40).optional(),
  partySize: z.coerce.number().int().min(1).max(20),
  consent: z.enum(assistedConsents),
}).strict().transform((body, ctx) => {
  if (body.contact === 'none') return { ...body, phone: null }
  const phone = body.contact === 'mobile' ? normalizeMobile(body.phone ?? '') : normalizeLandline(body.phone ?? '')
  if (phone) return { ...body, phone }
  const [message, i18n] = body.contact === 'mobile' ? [MOBILE_MESSAGE, 'errors.mobile'] : [LANDLINE_MESSAGE, 'assisted.errors.landline']
  ctx.addIssue({ code: 'custom', path: ['phone'], message, params: { i18n } })
  return z.NEVER
})

export const assistedIdParams = z.object({ id: z.uuid() })

/** GET /api/assisted/registrations: the bookings this helper made, newest first; `code` finds one. */
export const assistedListQuery = z.object({
  code: confirmationCodeSchema.optional().or(z.literal('').transform(() => undefined)),
})

/** A booking a helper made, as the helper sees it: the resident's name masked, never a number. */
export const assistedBooking = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(registrationStatuses),
  waitlistPosition: z.number().int().nullable(),
  partySize: z.number().int(),
  residentName: z.string(),
  contact: z.enum(assistedContacts),
  consent: z.enum(assistedConsents),
  createdAt: timestampSchema,
  /** Signed ticket token: the slip's QR code (the same as the resident's own ticket). */
  ticketToken: z.string(),
  event: z.object({ slug: z.string(), title: localizedView, startsAt: timestampSchema, endsAt: timestampSchema, venue: localizedView.nullable(), address: localizedView.nullable() }),
  organisation: localizedView,
})
export type AssistedBooking = z.infer<typeof assistedBooking>
export const assistedBookingList = listOf(assistedBooking)
export type AssistedBookingList = z.infer<typeof assistedBookingList>

/** GET /api/assisted/week: what this helper did since Monday (Asia/Shanghai). */
export const assistedWeek = z.object({
  since: timestampSchema,
  bookings: z.number().int(),
  residents: z.number().int(),
  cancelled: z.number().int(),
})
export type AssistedWeek = z.infer<typeof assistedWeek>
