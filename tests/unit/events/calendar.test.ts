// test-clock: the calendar is built from the instants given here; nothing reads the clock.
import ICAL from 'ical.js'
import { foldLines } from 'ical-generator'
import nodeIcal, { type VEvent } from 'node-ical'
import { describe, expect, it } from 'vitest'
import { loadCityProfile } from '~~/server/city/profile'
import { eventCalendar, eventsFeed, type CalendarInput } from '~~/server/events/calendar'

const city = loadCityProfile('tianjin')

const event: CalendarInput['event'] = {
  id: '0b6f3f1e-2f1c-4c57-9d8e-3f0d2f9a1c11',
  slug: 'mobile-payment-class',
  title: { zh: '手机支付小课堂：学会安全地用手机付款、缴费和乘车，防范电信网络诈骗', en: 'Mobile payment class' },
  summary: { zh: '带上手机，工作人员一对一教您。', en: 'Bring your phone; staff show you one to one.' },
  startsAt: '2026-06-01T02:00:00.000Z',
  endsAt: '2026-06-01T04:00:00.000Z',
  venue: {
    code: 'heping-centre', name: { zh: '和平区信息消费体验中心', en: 'Heping Experience Centre' }, address: { zh: '和平区南京路 1 号', en: '1 Nanjing Road, Heping District' },
    access: { stepFree: true, hearingLoop: false, parking: true }, notes: null,
  },
  organiser: { code: 'heping-telecom', name: { zh: '和平区电信营业厅', en: 'Heping Telecom' } },
  status: 'published',
}
const input = (overrides: Partial<CalendarInput> = {}): CalendarInput => ({
  event, lang: 'zh-CN', url: 'https://portal.example.gov.cn/events/mobile-payment-class', uidDomain: 'portal.example.gov.cn', updatedAt: '2026-05-01T08:30:00.000Z', revision: 1, city, ...overrides,
})

/** An independent parser (ical.js): it throws on what RFC 5545 does not allow, such as a parameter without a value. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const vevent = calendar.getFirstSubcomponent('vevent')!
  return { calendar, vevent, value: (name: string) => vevent.getFirstPropertyValue(name) }
}

describe('the calendar file', () => {
  it.each([
    ['zh-CN', event.title.zh, '带上手机，工作人员一对一教您。', '主办单位：和平区电信营业厅', '和平区信息消费体验中心，和平区南京路 1 号', '明天：'],
    ['en', 'Mobile payment class', 'Bring your phone; staff show you one to one.', 'Organiser: Heping Telecom', 'Heping Experience Centre, 1 Nanjing Road, Heping District', 'Tomorrow: '],
  ] as const)('parses in %s with summary, description and location in that language only', (lang, summary, text, organiser, location, reminder) => {
    const ics = eventCalendar(input({ lang }))
    const { calendar, vevent, value } = parse(ics)
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(value('summary')).toBe(summary)
    expect(value('description')).toContain(text)
    expect(value('description')).toContain(organiser)
    expect(value('description')).toContain('https://portal.example.gov.cn/events/mobile-payment-class')
    expect(value('location')).toBe(location)
    const other = lang === 'en' ? event.title.zh : event.title.en
    expect(ics).not.toContain(other)
    expect(value('uid')).toBe(`${event.id}@portal.example.gov.cn`)
    expect(String(value('dtstamp'))).toBe('2026-05-01T08:30:00Z')
    expect(String(value('dtstart'))).toBe('2026-06-01T02:00:00Z')
    expect(String(value('dtend'))).toBe('2026-06-01T04:00:00Z')
    expect(value('status')).toBe('CONFIRMED')
    expect(value('sequence')).toBe(1)
    // The city's week organises (the event's own organiser is in the description).
    const organizer = vevent.getFirstProperty('organizer')!
    expect(organizer.getFirstValue()).toBe('mailto:info-week@example.gov.cn')
    expect(organizer.getParameter('cn')).toBe(lang === 'en' ? city.contact.organisation.en : city.contact.organisation.zh)
    const alarm = vevent.getFirstSubcomponent('valarm')!
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY')
    expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-P1D')
    expect(alarm.getFirstPropertyValue('description')).toContain(reminder)
    expect(ics).toMatch(/\r\nTRIGGER:-P1D\r\n/)
  })

  it('keeps its UID, and says a cancelled event is cancelled with a higher SEQUENCE', () => {
    const before = parse(eventCalendar(input()))
    const after = parse(eventCalendar(input({ event: { ...event, status: 'cancelled' }, updatedAt: '2026-05-02T00:00:00.000Z', revision: 2 })))
    expect(after.value('uid')).toBe(before.value('uid'))
    expect(after.value('status')).toBe('CANCELLED')
    expect(Number(after.value('sequence'))).toBeGreaterThan(Number(before.value('sequence')))
    expect(after.value('summary')).toBe(`【已取消】${event.title.zh}`)
    expect(after.vevent.getFirstSubcomponent('valarm')).toBeNull()
  })

  it('keeps a cancelled event past the published one even when nothing else raised its revision', () => {
    expect(parse(eventCalendar(input({ event: { ...event, status: 'cancelled' }, revision: 0 }))).value('sequence')).toBe(1)
  })

  it('ends every line with CRLF, END:VCALENDAR included, and has nothing else', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const ics = eventCalendar(input({ lang }))
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    }
  })

  it('reads the same in a second parser (node-ical): UID, SEQUENCE, ORGANIZER, the alarm', () => {
    const data = nodeIcal.sync.parseICS(eventCalendar(input({ revision: 4 })))
    const vevent = data[`${event.id}@portal.example.gov.cn`] as VEvent
    expect(vevent.type).toBe('VEVENT')
    expect(Number(vevent.sequence)).toBe(4)
    expect(vevent.start.toISOString()).toBe('2026-06-01T02:00:00.000Z')
    expect(vevent.organizer).toMatchObject({ val: 'mailto:info-week@example.gov.cn', params: { CN: city.contact.organisation.zh } })
    expect(vevent.alarms?.[0]).toMatchObject({ action: 'DISPLAY' })
  })

  it('writes a feed of many events: no alarms, a name, each UID once, cancelled ones CANCELLED', () => {
    const other = { ...event, id: '0b6f3f1e-2f1c-4c57-9d8e-3f0d2f9a1c12', slug: 'other', status: 'cancelled' as const }
    const ics = eventsFeed([
      { event, url: 'https://portal.example.gov.cn/events/mobile-payment-class', updatedAt: '2026-05-01T08:30:00.000Z', revision: 1 },
      { event: other, url: 'https://portal.example.gov.cn/events/other', updatedAt: '2026-05-01T08:30:00.000Z', revision: 3 },
    ], { lang: 'zh-CN', uidDomain: 'portal.example.gov.cn', city, name: '天津市 活动', description: '体验周' })
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    const calendar = new ICAL.Component(ICAL.parse(ics))
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('天津市 活动')
    const vevents = calendar.getAllSubcomponents('vevent')
    expect(vevents.map(v => v.getFirstPropertyValue('uid'))).toEqual([`${event.id}@portal.example.gov.cn`, `${other.id}@portal.example.gov.cn`])
    expect(vevents.map(v => v.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED'])
    expect(vevents.map(v => v.getFirstPropertyValue('sequence'))).toEqual([1, 3])
    expect(ics).not.toContain('BEGIN:VALARM')
    const parsed = Object.values(nodeIcal.sync.parseICS(ics)).filter(c => c?.type === 'VEVENT')
    expect(parsed).toHaveLength(2)
  })

  it('says where an online event is', () => {
    expect(parse(eventCalendar(input({ event: { ...event, venue: null }, lang: 'en' }))).value('location')).toBe('Online event')
  })

  it('folds every line at 75 octets, never inside a UTF-8 character', () => {
    const bytes = new TextEncoder().encode(eventCalendar(input()))
    const lines: Uint8Array[] = []
    let start = 0
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0D && bytes[i + 1] === 0x0A) {
        lines.push(bytes.slice(start, i))
        start = i + 2
      }
    }
    expect(lines.some(line => line.length > 60 && line[0] === 0x20)).toBe(true) // the Chinese title was folded
    const strict = new TextDecoder('utf-8', { fatal: true })
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75)
      expect(() => strict.decode(line)).not.toThrow()
    }
  })

  it('folds CJK text by octets, and unfolding gives the text back', () => {
    const line = `SUMMARY:${'信息消费体验周'.repeat(12)}`
    const folded = foldLines(line)
    const physical = folded.split('\r\n')
    expect(physical.length).toBeGreaterThan(3)
    for (const p of physical) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75)
    expect(physical.slice(1).every(p => p.startsWith(' '))).toBe(true)
    expect(folded.replace(/\r\n /g, '')).toBe(line)
  })
})

describe('a series\' calendar file (repeating classes)', () => {
  // Tuesdays 10:00 Beijing (02:00 UTC), six times; the second Tuesday skipped.
  const series = { id: 'series-1', rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6', startsAt: '2026-06-02T02:00:00.000Z', exdates: ['2026-06-09T02:00:00.000Z'] }

  it('carries the RRULE from the first class in Beijing time, the skipped dates as EXDATE, and expands as the series does', () => {
    const ics = eventCalendar(input({ series }))
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6')
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20260602T100000')
    expect(ics).toContain('EXDATE;TZID=Asia/Shanghai:20260609T100000')
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Asia\/Shanghai/)
    const { calendar, vevent, value } = parse(ics)
    expect(value('uid')).toBe('series-series-1@portal.example.gov.cn')
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!)
    const expanded = new ICAL.Event(vevent)
    const it = expanded.iterator()
    const starts: string[] = []
    for (let next = it.next(); next; next = it.next()) {
      if (!expanded.isRecurrenceException() && !vevent.getAllProperties('exdate').some(p => (p.getValues() as ICAL.Time[]).some(x => x.compare(next!) === 0))) starts.push(next.toJSDate().toISOString())
    }
    expect(starts).toEqual(['2026-06-02T02:00:00.000Z', '2026-06-16T02:00:00.000Z', '2026-06-23T02:00:00.000Z', '2026-06-30T02:00:00.000Z', '2026-07-07T02:00:00.000Z'])
    // Each class keeps the event's length (two hours).
    expect(value('dtend')!.toString()).toBe('2026-06-02T12:00:00')
  })

  it('gives a class moved on its own its own entry, named by the start the rule gave it (RECURRENCE-ID)', () => {
    const overrides = [{ recurrenceId: '2026-06-16T02:00:00.000Z', startsAt: '2026-06-16T03:00:00.000Z', endsAt: '2026-06-16T05:00:00.000Z' }]
    const ics = eventCalendar(input({ series: { ...series, overrides } }))
    expect(ics).toContain('RECURRENCE-ID;TZID=Asia/Shanghai:20260616T100000')
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20260616T110000')
    const calendar = new ICAL.Component(ICAL.parse(ics))
    const vevents = calendar.getAllSubcomponents('vevent')
    expect(vevents).toHaveLength(2)
    expect(new Set(vevents.map(v => v.getFirstPropertyValue('uid')))).toEqual(new Set(['series-series-1@portal.example.gov.cn']))
  })

  it('is a one-off event without RRULE when no series is given', () => {
    expect(eventCalendar(input())).not.toContain('RRULE')
  })
})
