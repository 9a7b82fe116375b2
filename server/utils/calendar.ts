import ical, { ICalCalendarMethod, type ICalCalendar, type ICalOrganizer } from 'ical-generator'
import type { CityProfile } from '#shared/city/profile'
import { pickText, type Language } from '#shared/i18n/languages'

/** What every calendar file needs from the city profile: who runs the week, and how to reach them. */
export type CalendarCity = Pick<CityProfile, 'contact'>

/**
 * The ORGANIZER of every event the portal writes: the city's experience week (its organising
 * committee's office, from the profile's contact) with the profile's e-mail. A profile without one
 * gets a no-reply address at the portal's own host, since RFC 5545 wants a cal-address there.
 */
export function calendarOrganizer(city: CalendarCity, lang: Language, uidDomain: string): ICalOrganizer {
  return { name: pickText(city.contact.organisation, lang), email: city.contact.email ?? `noreply@${uidDomain}` }
}

/** A new calendar in the portal's name (PRODID says the domain and the language), published (METHOD:PUBLISH). */
export function portalCalendar(product: string, lang: Language, extra: { name?: string, description?: string, ttl?: number } = {}): ICalCalendar {
  return ical({
    prodId: { company: 'info-consumption-portal', product, language: lang === 'en' ? 'EN' : 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    ...extra,
  })
}

/** The calendar as text with CRLF after every line, the last one (END:VCALENDAR) included, as RFC 5545 asks. */
export function calendarText(calendar: ICalCalendar): string {
  const text = calendar.toString()
  return text.endsWith('\r\n') ? text : `${text}\r\n`
}
