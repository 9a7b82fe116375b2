import { ICalAlarmType, ICalEventStatus, type ICalCalendar } from 'ical-generator'
import type { EventDetailView } from '#shared/events/views'
import { pickText, type Language } from '#shared/i18n/languages'
import { calendarOrganizer, calendarText, portalCalendar, type CalendarCity } from '~~/server/utils/calendar'
import { feedText } from './feeds'

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

/** A repeating class's whole series: its RRULE from its first start, the starts skipped (EXDATE), the classes moved on their own. */
export interface CalendarSeries { id: string, rule: string, startsAt: string, exdates: string[], overrides?: Array<{ recurrenceId: string, startsAt: string, endsAt: string }> }

export type CalendarInput = CalendarEntry & CalendarContext & { series?: CalendarSeries }

/** Asia/Shanghai as a VTIMEZONE: UTC+8 all year since 1991, so one STANDARD part. */
const SHANGHAI = ['BEGIN:VTIMEZONE', 'TZID:Asia/Shanghai', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'TZNAME:CST', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n')
/** Beijing wall-clock time written as if UTC: what ical-generator prints after TZID=Asia/Shanghai. */
const wall = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000)
const wallText = (iso: string) => wall(iso).toISOString().replace(/[-:]/g, '').slice(0, 15)

/** What every entry of an event says, whatever its times. */
function entryTexts({ event: e, url, updatedAt }: CalendarEntry, { lang, uidDomain, city }: CalendarContext, alarm: boolean) {
  const t = feedText(lang)
  const title = pickText(e.title, lang)
  const cancelled = e.status === 'cancelled'
  return {
    stamp: new Date(updatedAt),
    summary: cancelled ? t('events.calendar.cancelledTitle', { title }) : title,
    description: [pickText(e.summary, lang), t('events.calendar.organiser', { name: pickText(e.organiser.name, lang) }), t('events.calendar.details', { url })].join('\n\n'),
    location: e.venue ? t('events.calendar.location', { name: pickText(e.venue.name, lang), address: pickText(e.venue.address, lang) }) : t('events.online'),
    url,
    organizer: calendarOrganizer(city, lang, uidDomain),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    alarms: cancelled || !alarm ? [] : [{ type: ICalAlarmType.display, triggerBefore: 86_400, description: t('events.calendar.reminder', { title }) }],
  }
}

function addEvent(calendar: ICalCalendar, entry: CalendarEntry, context: CalendarContext, alarm: boolean) {
  const cancelled = entry.event.status === 'cancelled'
  calendar.createEvent({
    ...entryTexts(entry, context, alarm),
    id: `${entry.event.id}@${context.uidDomain}`,
    // Every edit and status move raises the revision, so a calendar replaces its copy; a cancelled
    // event is at least one revision past the published one whatever its history.
    sequence: Math.max(entry.revision, cancelled ? 1 : 0),
    start: new Date(entry.event.startsAt),
    end: new Date(entry.event.endsAt),
  })
}

/** A series is read in Beijing time (its weekdays are Beijing's), so its times carry TZID=Asia/Shanghai. */
function addSeries(calendar: ICalCalendar, entry: CalendarEntry, context: CalendarContext, series: CalendarSeries) {
  const e = entry.event
  const texts = entryTexts(entry, context, true)
  const sequence = Math.max(entry.revision, e.status === 'cancelled' ? 1 : 0)
  const id = `series-${series.id}@${context.uidDomain}`
  calendar.createEvent({
    ...texts, id, sequence, timezone: 'Asia/Shanghai',
    start: wall(series.startsAt), end: wall(new Date(Date.parse(series.startsAt) + Date.parse(e.endsAt) - Date.parse(e.startsAt)).toISOString()),
    repeating: [`RRULE:${series.rule}`, ...(series.exdates.length ? [`EXDATE;TZID=Asia/Shanghai:${series.exdates.map(wallText).join(',')}`] : [])].join('\n'),
  })
  // Classes moved on their own: one entry each with the series' UID, named by the start the rule gave them.
  for (const o of series.overrides ?? []) {
    calendar.createEvent({ ...texts, id, sequence: Math.max(sequence, 1), recurrenceId: wall(o.recurrenceId), start: wall(o.startsAt), end: wall(o.endsAt), timezone: 'Asia/Shanghai' })
  }
}

/**
 * The event as an RFC 5545 calendar (ical-generator folds lines at 75 octets without
 * splitting a character): texts in one language, a display alarm the day before, the
 * city's week as ORGANIZER (the event's own organiser is named in the description), and
 * CRLF after every line. With `series`, the whole repeating class (RRULE, EXDATE).
 */
export function eventCalendar(input: CalendarInput): string {
  const calendar = portalCalendar('events', input.lang)
  if (input.series) addSeries(calendar, input, input, input.series)
  else addEvent(calendar, input, input, true)
  const text = calendarText(calendar)
  return input.series ? text.replace('BEGIN:VEVENT', `${SHANGHAI}\r\nBEGIN:VEVENT`) : text
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
