import { Window } from 'happy-dom'
import ICAL from 'ical.js'
import nodeIcal, { type VEvent } from 'node-ical'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const organizer = new ApiClient(baseURL)
const HOUR = 3_600_000

/** An event inside the experience week the server serves, at least an hour from now. */
async function weekEvent() {
  const city = (await new ApiClient(baseURL).get('/api/city')).json
  const start = Math.max(Date.parse(`${city.week.startsOn}T10:00:00+08:00`) + 3 * 24 * HOUR, Date.now() + HOUR)
  const inWeek = start + 2 * HOUR < Date.parse(`${city.week.endsOn}T00:00:00+08:00`) + 24 * HOUR
  const created = await publishedEvent(organizer, {
    startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR).toISOString(),
    bookingOpensAt: new Date(Date.now() - HOUR).toISOString(), bookingClosesAt: new Date(start).toISOString(),
  })
  return { ...created, inWeek }
}

async function feed(query = '', headers: Record<string, string> = {}) {
  const res = await fetch(`${baseURL}/api/events/feed.ics${query}`, { headers })
  const text = await res.text()
  if (res.status !== 200) return { res, text, events: [] as ICAL.Component[], byUid: () => undefined }
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
  return { res, text, events, byUid: (uid: string) => events.find(e => e.getFirstPropertyValue('uid') === uid) }
}

beforeAll(async () => {
  await organizer.login('organizer@demo.local')
})

describe('the calendar feed', () => {
  it('lists the week\'s events for the city, a district and a venue, readable by two parsers', async () => {
    const { id, inWeek } = await weekEvent()
    const city = await feed()
    expect(city.res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(city.text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(city.events.length).toBeGreaterThan(0)
    const uids = city.events.map(e => String(e.getFirstPropertyValue('uid')))
    expect(new Set(uids).size).toBe(uids.length)
    if (inWeek) expect(uids.some(u => u.startsWith(`${id}@`))).toBe(true)
    // Every event has the city's week as ORGANIZER, and the feed rings no alarms.
    for (const e of city.events) expect(e.getFirstProperty('organizer')).not.toBeNull()
    expect(city.text).not.toContain('BEGIN:VALARM')
    // A second parser agrees on the events.
    const parsed = Object.values(nodeIcal.sync.parseICS(city.text)).filter((c): c is VEvent => c?.type === 'VEVENT')
    expect(parsed.map(e => e.uid).sort()).toEqual([...uids].sort())

    const heping = await feed('?district=heping')
    expect(heping.events.length).toBeGreaterThan(0)
    expect(heping.events.length).toBeLessThanOrEqual(city.events.length)
    for (const e of heping.events) expect(uids).toContain(String(e.getFirstPropertyValue('uid')))
    expect(new ICAL.Component(ICAL.parse(heping.text)).getFirstPropertyValue('x-wr-calname')).toContain('和平区')
    const venue = await feed('?venue=heping-telecom-experience-centre&lang=en')
    for (const e of venue.events) expect(String(e.getFirstPropertyValue('location'))).toContain('Heping')
    if (inWeek) expect(venue.byUid(uids.find(u => u.startsWith(`${id}@`))!)).toBeDefined()

    expect((await feed('?district=atlantis')).res.status).toBe(404)
    expect((await feed('?venue=nowhere')).res.status).toBe(404)
    expect((await feed('?lang=fr')).res.status).toBe(400)
  })

  it('raises an event\'s SEQUENCE on each change, keeps its UID, and marks it CANCELLED', async () => {
    const { id, slug, inWeek } = await weekEvent()
    if (!inWeek) return
    const uidOf = async () => (await feed()).events.find(e => String(e.getFirstPropertyValue('uid')).startsWith(`${id}@`))!
    const first = await uidOf()
    const seq = (e: ICAL.Component) => Number(e.getFirstPropertyValue('sequence'))
    expect(first.getFirstPropertyValue('status')).toBe('CONFIRMED')

    expect((await organizer.request('PATCH', `/api/organizer/events/${id}`, { title: { zh: '测试：改过的标题', en: 'Test: a changed title' } })).status).toBe(200)
    const edited = await uidOf()
    expect(edited.getFirstPropertyValue('uid')).toBe(first.getFirstPropertyValue('uid'))
    expect(seq(edited)).toBeGreaterThan(seq(first))
    expect(edited.getFirstPropertyValue('summary')).toBe('测试：改过的标题')

    // A booking changes the event's counters, not what a calendar shows: no new SEQUENCE.
    await new ApiClient(baseURL).post(`/api/events/${slug}/registrations`, { name: '王秀英', phone: mobile(), partySize: 1, consent: true })
    expect(seq(await uidOf())).toBe(seq(edited))

    expect((await organizer.post(`/api/organizer/events/${id}/cancel`)).status).toBe(200)
    const cancelled = await uidOf()
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(seq(cancelled)).toBeGreaterThan(seq(edited))
    // The single event's file says the same.
    const single = await fetch(`${baseURL}/api/events/${slug}/calendar.ics`).then(r => r.text())
    expect(new ICAL.Component(ICAL.parse(single)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('sequence')).toBe(seq(cancelled))
  })
})

describe('the Atom feed', () => {
  it('is Atom 1.0 with events and published cases, each id a URN that never changes', async () => {
    const res = await fetch(`${baseURL}/api/events/feed.atom?lang=en`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const text = await res.text()
    const window = new Window()
    const doc = new window.DOMParser().parseFromString(text, 'application/xml')
    const feedEl = doc.documentElement
    expect(feedEl.tagName.toLowerCase()).toBe('feed')
    expect(feedEl.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom')
    for (const tag of ['id', 'title', 'updated', 'author']) expect(feedEl.querySelector(tag), tag).not.toBeNull()
    expect(feedEl.querySelector('link[rel="self"]')!.getAttribute('href')).toMatch(/\/api\/events\/feed\.atom\?lang=en$/)
    const entries = [...feedEl.querySelectorAll('entry')]
    const categories = entries.map(e => e.querySelector('category')!.getAttribute('term'))
    expect(categories).toContain('event')
    expect(categories).toContain('case')
    for (const e of entries) {
      expect(e.querySelector('id')!.textContent).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
      expect(Number.isNaN(Date.parse(e.querySelector('updated')!.textContent!))).toBe(false)
      expect(e.querySelector('link')!.getAttribute('href')).toMatch(/^https?:\/\/[^/]+\/(events|cases)\/[a-z0-9-]+$/)
    }
    await window.happyDOM.close()
  })
})

describe('the events page', () => {
  it('links the feeds as alternates and offers 订阅日历 with steps for phones', async () => {
    const html = await fetch(`${baseURL}/events?district=heping`).then(r => r.text())
    expect(html).toMatch(/<link[^>]+rel="alternate"[^>]+type="text\/calendar"[^>]+href="\/api\/events\/feed\.ics\?district=heping"/)
    expect(html).toMatch(/<link[^>]+rel="alternate"[^>]+type="application\/atom\+xml"[^>]+href="\/api\/events\/feed\.atom\?district=heping"/)
    expect(html).toMatch(/href="webcal:\/\/[^"]+\/api\/events\/feed\.ics\?district=heping"[^>]*>\s*订阅日历/)
    expect(html).toContain('手机上怎么订阅')
  })
})
