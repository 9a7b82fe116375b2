import { ICalAlarmType } from 'ical-generator'
import i18next from 'i18next'
import { randomUUID } from 'node:crypto'
import { dictionaries } from '#shared/i18n/dictionaries'
import { languages, pickText, type Language } from '#shared/i18n/languages'
import type { QuizFile } from '#shared/quizzes/content'
import { cityDay } from '#shared/utils/dates'
import { calendarOrganizer, calendarText, portalCalendar, type CalendarCity } from '~~/server/utils/calendar'

const i18n = i18next.createInstance()
i18n.init({
  resources: Object.fromEntries(languages.map(lng => [lng, { translation: dictionaries[lng].quizzes }])),
  lng: 'zh-CN',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
})

/**
 * "Take it again in two weeks" as an RFC 5545 all-day event 14 days from today (Shanghai), with a
 * display alarm at 09:00 Beijing time on that day, written as an absolute UTC time (TRIGGER;VALUE=DATE-TIME):
 * a relative trigger on an all-day event without an end is read from its end by some calendars, a day late.
 * The city's week is the ORGANIZER. Nothing about the person: a fresh UID for every download.
 */
export function retakeCalendar(quiz: QuizFile, lang: Language, url: string, uidDomain: string, city: CalendarCity, now = new Date()): string {
  const t = i18n.getFixedT(lang)
  const day = cityDay(new Date(now.getTime() + 14 * 86_400_000))
  // All-day events are written as a bare date from the instant's UTC day: noon UTC is that day everywhere it matters.
  const start = new Date(`${day}T12:00:00Z`)
  // 09:00 in Asia/Shanghai (UTC+8 all year) is 01:00 UTC the same day.
  const alarmAt = new Date(`${day}T01:00:00Z`)
  const title = pickText(quiz.title, lang)
  const calendar = portalCalendar('quiz', lang)
  calendar.createEvent({
    id: `${randomUUID()}@${uidDomain}`,
    stamp: now,
    start,
    allDay: true,
    summary: t('quiz.calendar.title', { title }),
    description: t('quiz.calendar.body', { url }),
    url,
    organizer: calendarOrganizer(city, lang, uidDomain),
    alarms: [{ type: ICalAlarmType.display, trigger: alarmAt, description: t('quiz.calendar.title', { title }) }],
  })
  return calendarText(calendar)
}
