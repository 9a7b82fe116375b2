import type { CityProfile, LocalizedText, Venue } from './profile'

/** What GET /api/city returns: the profile's public parts, with districts and organisers as stored. */
export interface CityView extends Pick<CityProfile, 'slug' | 'name' | 'province' | 'plan' | 'week' | 'focusAreas' | 'contact'> {
  districts: Array<{ code: string, name: LocalizedText, kind: string }>
  organisers: Array<{ code: string, name: LocalizedText, role: string | null }>
  venueCount: number
}

/** A venue as GET /api/venues returns it. */
export interface VenueView extends Pick<Venue, 'code' | 'name' | 'kind' | 'district' | 'address' | 'openingHours' | 'access'> {
  districtName: LocalizedText
  phone: string | null
  notes: LocalizedText | null
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}
