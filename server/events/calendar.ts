import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import i18next from 'i18next'
import type { EventDetailView } from '#shared/events/views'
import { dictionaries } from '../../shared/i18n/dictionaries'
import { languages, pickText, type Language } from '../../shared/i18n/languages'

const i18n = i18next.createInstance()
i18n.init({
  resources: Object.fromEntries(languages.map(lng => [lng, { translation: dictionaries[lng].events }])),
  lng: 'zh-CN',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
})

export interface CalendarInput {
  event: Pick<EventDetailView, 'id' | 'slug' | 'title' | 'summary' | 'startsAt' | 'endsAt' | 'venue' | 'organiser' | 'status'>
  lang: Language
  /** The event's page, an absolute URL. */
  url: string
  /** Right-hand side of the UID: the portal's configured host, so the UID never changes with the request. */
  uidDomain: string
  /** When the event last changed (DTSTAMP). */
  updatedAt: string
  /** The whole series instead of the one event: its RRULE from its first start, the starts skipped (EXDATE). */
  series?: { id: string, rule: string, startsAt: string, exdates: string[], overrides?: Array<{ recurrenceId: string, startsAt: string, endsAt: string }> }
}

/** Asia/Shanghai as a VTIMEZONE: UTC+8 all year since 1991, so one STANDARD part. */
const SHANGHAI = ['BEGIN:VTIMEZONE', 'TZID:Asia/Shanghai', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'TZNAME:CST', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n')
/** Beijing wall-clock time written as if UTC: what ical-generator prints after TZID=Asia/Shanghai. */
const wall = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000)
const wallText = (iso: string) => wall(iso).toISOString().replace(/[-:]/g, '').slice(0, 15)

/**
 * The event as an RFC 5545 calendar (ical-generator folds lines at 75 octets without
 * splitting a character): texts in one language, a display alarm the day before, and
 * no ORGANIZER, because the portal has no organiser e-mail to give it (the name is
 * in the description instead).
 */
export function eventCalendar({ event: e, lang, url, uidDomain, updatedAt, series }: CalendarInput): string {
  const t = i18n.getFixedT(lang)
  const title = pickText(e.title, lang)
  const cancelled = e.status === 'cancelled'
  const calendar = ical({ prodId: { company: 'info-consumption-portal', product: 'events', language: lang === 'en' ? 'EN' : 'ZH' }, method: ICalCalendarMethod.PUBLISH })
  // A series is read in Beijing time (its weekdays are Beijing's), so its times carry TZID=Asia/Shanghai.
  const times = series
    ? {
        start: wall(series.startsAt), end: wall(new Date(Date.parse(series.startsAt) + Date.parse(e.endsAt) - Date.parse(e.startsAt)).toISOString()), timezone: 'Asia/Shanghai',
        repeating: [`RRULE:${series.rule}`, ...(series.exdates.length ? [`EXDATE;TZID=Asia/Shanghai:${series.exdates.map(wallText).join(',')}`] : [])].join('\n'),
      }
    : { start: new Date(e.startsAt), end: new Date(e.endsAt) }
  const common = {
    stamp: new Date(updatedAt),
    summary: cancelled ? t('events.calendar.cancelledTitle', { title }) : title,
    description: [pickText(e.summary, lang), t('events.calendar.organiser', { name: pickText(e.organiser.name, lang) }), t('events.calendar.details', { url })].join('\n\n'),
    location: e.venue ? t('events.calendar.location', { name: pickText(e.venue.name, lang), address: pickText(e.venue.address, lang) }) : t('events.online'),
    url,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    alarms: cancelled ? [] : [{ type: ICalAlarmType.display, triggerBefore: 86_400, description: t('events.calendar.reminder', { title }) }],
  }
  calendar.createEvent({
    ...common,
    id: series ? `series-${series.id}@${uidDomain}` : `${e.id}@${uidDomain}`,
    // Cancellation is the only revision a calendar must pick up over its copy; later edits
    // still replace it through the newer DTSTAMP.
    sequence: cancelled ? 1 : 0,
    ...times,
  })
  // Classes moved on their own: one entry each with the series' UID, named by the start the rule gave them.
  for (const o of series?.overrides ?? []) {
    calendar.createEvent({
      ...common, id: `series-${series!.id}@${uidDomain}`, sequence: 1, recurrenceId: wall(o.recurrenceId), start: wall(o.startsAt), end: wall(o.endsAt), timezone: 'Asia/Shanghai',
    })
  }
  const text = calendar.toString()
  return series ? text.replace('BEGIN:VEVENT', `${SHANGHAI}\r\nBEGIN:VEVENT`) : text
}
