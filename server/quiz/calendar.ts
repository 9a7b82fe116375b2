import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator'
import i18next from 'i18next'
import { randomUUID } from 'node:crypto'
import { dictionaries } from '../../shared/i18n/dictionaries'
import { languages, pickText, type Language } from '../../shared/i18n/languages'
import type { QuizFile } from '../../shared/quiz/content'
import { cityDay } from '../../shared/utils/dates'

const i18n = i18next.createInstance()
i18n.init({
  resources: Object.fromEntries(languages.map(lng => [lng, { translation: dictionaries[lng].quiz }])),
  lng: 'zh-CN',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
})

/**
 * "Take it again in two weeks" as an RFC 5545 all-day event 14 days from today (Shanghai), with a
 * display alarm 9 hours into that day (9:00 in the calendar's own time zone). Nothing about the person: a fresh UID for every download.
 */
export function retakeCalendar(quiz: QuizFile, lang: Language, url: string, uidDomain: string, now = new Date()): string {
  const t = i18n.getFixedT(lang)
  const day = cityDay(new Date(now.getTime() + 14 * 86_400_000))
  // All-day events are written as a bare date from the instant's UTC day: noon UTC is that day everywhere it matters.
  const start = new Date(`${day}T12:00:00Z`)
  const title = pickText(quiz.title, lang)
  const calendar = ical({ prodId: { company: 'info-consumption-portal', product: 'quiz', language: lang === 'en' ? 'EN' : 'ZH' }, method: ICalCalendarMethod.PUBLISH })
  calendar.createEvent({
    id: `${randomUUID()}@${uidDomain}`,
    stamp: now,
    start,
    allDay: true,
    summary: t('quiz.calendar.title', { title }),
    description: t('quiz.calendar.body', { url }),
    url,
    alarms: [{ type: ICalAlarmType.display, triggerAfter: 9 * 3600, description: t('quiz.calendar.title', { title }) }],
  })
  return calendar.toString()
}
