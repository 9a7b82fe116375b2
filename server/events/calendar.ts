import { ICalAlarmType, ICalEventStatus, type ICalCalendar } from 'ical-generator'
import i18next from 'i18next'
import type { EventDetailView } from '#shared/events/views'
import { dictionaries } from '../../shared/i18n/dictionaries'
import { languages, pickText, type Language } from '../../shared/i18n/languages'
import { calendarOrganizer, calendarText, portalCalendar, type CalendarCity } from '../utils/calendar'

const i18n = i18next.createInstance()
i18n.init({
  resources: Object.fromEntries(languages.map(lng => [lng, { translation: dictionaries[lng].events }])),
  lng: 'zh-CN',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
})

export type CalendarEvent = Pick<EventDetailView, 'id' | 'slug' | 'title' | 'summary' | 'startsAt' | 'endsAt' | 'venue' | 'organiser' | 'status'>

/** One event as a calendar writes it. */
export interface CalendarEntry {
  event: CalendarEvent
  /** The event's page, an absolute URL. */
  url: string
  /** When the event last changed (DTSTAMP). */
  updatedAt: string
  /** The event's revision (events.revision): raised by every edit and status move, written as SEQUENCE. */
  revision: number
}

/** What every calendar of events shares: its language, the UIDs' domain and the city (the ORGANIZER). */
export interface CalendarContext {
  lang: Language
  /** Right-hand side of the UID: the portal's configured host, so the UID never changes with the request. */
  uidDomain: string
  city: CalendarCity
}

export type CalendarInput = CalendarEntry & CalendarContext

function addEvent(calendar: ICalCalendar, { event: e, url, updatedAt, revision }: CalendarEntry, { lang, uidDomain, city }: CalendarContext, alarm: boolean) {
  const t = i18n.getFixedT(lang)
  const title = pickText(e.title, lang)
  const cancelled = e.status === 'cancelled'
  calendar.createEvent({
    id: `${e.id}@${uidDomain}`,
    // Every edit and status move raises the revision, so a calendar replaces its copy; a cancelled
    // event is at least one revision past the published one whatever its history.
    sequence: Math.max(revision, cancelled ? 1 : 0),
    stamp: new Date(updatedAt),
    start: new Date(e.startsAt),
    end: new Date(e.endsAt),
    summary: cancelled ? t('events.calendar.cancelledTitle', { title }) : title,
    description: [pickText(e.summary, lang), t('events.calendar.organiser', { name: pickText(e.organiser.name, lang) }), t('events.calendar.details', { url })].join('\n\n'),
    location: e.venue ? t('events.calendar.location', { name: pickText(e.venue.name, lang), address: pickText(e.venue.address, lang) }) : t('events.online'),
    url,
    organizer: calendarOrganizer(city, lang, uidDomain),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    alarms: cancelled || !alarm ? [] : [{ type: ICalAlarmType.display, triggerBefore: 86_400, description: t('events.calendar.reminder', { title }) }],
  })
}

/**
 * The event as an RFC 5545 calendar (ical-generator folds lines at 75 octets without
 * splitting a character): texts in one language, a display alarm the day before, the
 * city's week as ORGANIZER (the event's own organiser is named in the description), and
 * CRLF after every line.
 */
export function eventCalendar(input: CalendarInput): string {
  const calendar = portalCalendar('events', input.lang)
  addEvent(calendar, input, input, true)
  return calendarText(calendar)
}

/**
 * A feed to subscribe to (webcal://): the given events with stable UIDs and their revisions as
 * SEQUENCE, cancelled ones as STATUS:CANCELLED. No alarms: a subscribed calendar should not ring
 * for every class in the city; a resident who books gets the single event's file with its reminder.
 */
export function eventsFeed(entries: readonly CalendarEntry[], context: CalendarContext & { name: string, description: string }): string {
  const calendar = portalCalendar('events', context.lang, { name: context.name, description: context.description, ttl: 60 * 60 })
  for (const entry of entries) addEvent(calendar, entry, context, false)
  return calendarText(calendar)
}
