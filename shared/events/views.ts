import type { LocalizedText } from '../city/profile'
import type { EventAudience, EventCategory, EventFormat, EventStatus, RegistrationStatus } from './requests'

/** How a person can book right now, said in words on every card. */
export type Availability = 'open' | 'few-left' | 'waitlist' | 'full' | 'not-yet-open' | 'closed' | 'ended' | 'cancelled'

/** An event as the public API returns it (GET /api/events, GET /api/events/:slug). */
export interface EventView {
  id: string
  slug: string
  title: LocalizedText
  summary: LocalizedText
  startsAt: string
  endsAt: string
  venueId: string | null
  venue: { code: string, name: LocalizedText, address: LocalizedText, access: { stepFree: boolean, hearingLoop: boolean, parking: boolean }, notes: LocalizedText | null } | null
  district: string
  districtName: LocalizedText
  organiser: { code: string, name: LocalizedText }
  category: EventCategory
  audience: EventAudience[]
  format: EventFormat
  capacity: number
  maxPartySize: number
  bookingOpensAt: string
  bookingClosesAt: string
  status: EventStatus
  placesLeft: number
  waitlistLength: number
  bookingOpen: boolean
  availability: Availability
}

export interface EventDetailView extends EventView {
  /** Markdown as written. */
  description: LocalizedText
  /** The Markdown rendered to safe HTML (no raw HTML, no javascript: links). */
  descriptionHtml: LocalizedText
  whatToBring: LocalizedText | null
}

export interface RegistrationResult {
  code: string
  status: Exclude<RegistrationStatus, 'cancelled'>
  waitlistPosition?: number
  partySize: number
  ticketToken: string
}

export interface RegistrationView {
  code: string
  status: RegistrationStatus
  partySize: number
  waitlistPosition: number | null
  checkedIn: boolean
  ticketToken: string
  event: Pick<EventView, 'slug' | 'title' | 'startsAt' | 'endsAt' | 'venue' | 'format' | 'districtName' | 'status' | 'maxPartySize'>
}
