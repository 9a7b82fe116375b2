import ICAL from 'ical.js'
import nodeIcal, { type VEvent } from 'node-ical'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadCityProfile } from '~~/server/city/profile'
import { retakeCalendar } from '~~/server/quizzes/calendar'
import type { QuizFile } from '#shared/quizzes/content'

const city = loadCityProfile('tianjin')
const quiz = { slug: 'elder-anti-fraud', title: { zh: '老年人防骗小测验', en: 'Anti-fraud quiz for older people' } } as QuizFile
const url = 'https://portal.example.gov.cn/quiz/elder-anti-fraud'

/** 09:00 in Beijing time on the city's day 14 days after `now`, as an instant. */
function nineOnTheDay(now: Date) {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(now.getTime() + 14 * 86_400_000))
  return { day, at: new Date(`${day}T09:00:00+08:00`) }
}

describe('the quiz retake reminder', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    // Late in the evening in Beijing (15:30 UTC): the city's day is already the next UTC day's.
    vi.setSystemTime(new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 10, 17, 30)))
  })
  afterEach(() => vi.useRealTimers())

  it('rings at 09:00 Beijing time on the day itself, read back as an absolute time by ical.js', () => {
    const now = new Date()
    const { day, at } = nineOnTheDay(now)
    const ics = retakeCalendar(quiz, 'zh-CN', url, 'portal.example.gov.cn', city, now)
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time
    expect(start.isDate).toBe(true)
    expect(start.toString()).toBe(day)
    const trigger = vevent.getFirstSubcomponent('valarm')!.getFirstProperty('trigger')!
    expect(trigger.type).toBe('date-time')
    const fires = (trigger.getFirstValue() as ICAL.Time).toJSDate()
    expect(fires.toISOString()).toBe(at.toISOString())
    // The control: the old relative trigger, read from the end of an all-day event, fired a day later.
    expect(ics).not.toMatch(/RELATED=END/)
  })

  it('rings at the same instant in node-ical', () => {
    const now = new Date()
    const { at } = nineOnTheDay(now)
    const ics = retakeCalendar(quiz, 'en', url, 'portal.example.gov.cn', city, now)
    const vevent = Object.values(nodeIcal.sync.parseICS(ics)).find(c => c?.type === 'VEVENT') as VEvent
    const trigger = vevent.alarms![0]!.trigger as unknown as { val: string }
    const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(trigger.val)!
    expect(new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!)).toISOString()).toBe(at.toISOString())
    expect(vevent.summary).toContain('Anti-fraud quiz for older people')
  })

  it('names the city\'s week as ORGANIZER and ends every line, the last too, with CRLF', () => {
    const ics = retakeCalendar(quiz, 'zh-CN', url, 'portal.example.gov.cn', city)
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!
    const organizer = vevent.getFirstProperty('organizer')!
    expect(organizer.getFirstValue()).toBe(`mailto:${city.contact.email}`)
    expect(organizer.getParameter('cn')).toBe(city.contact.organisation.zh)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('gives a profile without an e-mail a no-reply address at the portal\'s host', () => {
    const ics = retakeCalendar(quiz, 'zh-CN', url, 'portal.example.gov.cn', { contact: { ...city.contact, email: undefined } })
    expect(ics.replace(/\r\n /g, '')).toContain(':mailto:noreply@portal.example.gov.cn\r\n')
  })
})
