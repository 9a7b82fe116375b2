// test-clock: the event's times are given to the builder as they are; nothing reads the clock.
import { describe, expect, it } from 'vitest'
import { eventJsonLd } from '#shared/events/json-ld'
import type { EventDetailView } from '#shared/events/views'
import { expandJsonLd, prop, typeOf, type Expanded } from '~~/tests/support/json-ld'

const l = (zh: string, en: string) => ({ zh, en })
const event: EventDetailView = {
  id: '0b6f3f1e-2f1c-4c57-9d8e-3f0d2f9a1c11', slug: 'mobile-payment-class',
  title: l('手机支付小课堂', 'Mobile payment class'), summary: l('带上手机，工作人员一对一教您。', 'Bring your phone.'),
  startsAt: '2026-06-01T02:00:00.000Z', endsAt: '2026-06-01T04:00:00.000Z', venueId: 'v1',
  venue: { code: 'heping-centre', name: l('和平区体验中心', 'Heping Centre'), address: l('和平区南京路 1 号', '1 Nanjing Road'), access: { stepFree: true, hearingLoop: false, parking: true }, notes: null },
  district: 'heping', districtName: l('和平区', 'Heping District'), organiser: { code: 'heping-telecom', name: l('和平区电信营业厅', 'Heping Telecom') },
  category: 'daily-life', audience: ['older-people'], format: 'onsite', capacity: 20, maxPartySize: 4,
  bookingOpensAt: '2026-05-20T00:00:00.000Z', bookingClosesAt: '2026-06-01T02:00:00.000Z', status: 'published',
  placesLeft: 20, waitlistLength: 0, bookingOpen: true, availability: 'open',
  description: l('', ''), descriptionHtml: l('', ''), whatToBring: null,
}
const context = { url: 'https://portal.example.gov.cn/events/mobile-payment-class', image: 'https://portal.example.gov.cn/api/events/mobile-payment-class/share.png', lang: 'zh-CN' as const, city: { name: l('天津市', 'Tianjin') }, publisher: l('组委会办公室', 'Office') }

/** schema.org Event: what search engines require (name, startDate, location with an address or a URL) and what the issue asks for. */
function checkEvent(node: Expanded) {
  expect(typeOf(node)).toEqual(['Event'])
  for (const p of ['name', 'description', 'startDate', 'endDate', 'eventStatus', 'eventAttendanceMode', 'location', 'offers', 'organizer', 'image', 'url']) expect(prop(node, p), p).toBeDefined()
  const offer = prop(node, 'offers') as Expanded
  expect(typeOf(offer)).toEqual(['Offer'])
  expect(prop(offer, 'price')).toBe(0)
  expect(prop(offer, 'priceCurrency')).toBe('CNY')
  expect(String(prop(offer, 'availability'))).toMatch(/^https:\/\/schema\.org\//)
  expect(prop(node, 'isAccessibleForFree')).toBe(true)
}

describe('an event as schema.org JSON-LD', () => {
  it('expands (offline) to an Event held in a Place with a postal address, free, scheduled, in person', async () => {
    const [node] = await expandJsonLd(eventJsonLd(event, context))
    checkEvent(node!)
    expect(prop(node!, 'name')).toBe('手机支付小课堂')
    expect(prop(node!, 'eventStatus')).toBe('https://schema.org/EventScheduled')
    expect(prop(node!, 'eventAttendanceMode')).toBe('https://schema.org/OfflineEventAttendanceMode')
    const place = prop(node!, 'location') as Expanded
    expect(typeOf(place)).toEqual(['Place'])
    const address = prop(place, 'address') as Expanded
    expect(typeOf(address)).toEqual(['PostalAddress'])
    expect(prop(address, 'streetAddress')).toBe('和平区南京路 1 号')
    expect(prop(address, 'addressCountry')).toBe('CN')
  })

  it('says when it is cancelled, and online events are held at a VirtualLocation with a URL', async () => {
    const [cancelled] = await expandJsonLd(eventJsonLd({ ...event, status: 'cancelled', availability: 'cancelled' }, { ...context, lang: 'en' }))
    expect(prop(cancelled!, 'eventStatus')).toBe('https://schema.org/EventCancelled')
    expect(prop(cancelled!, 'name')).toBe('Mobile payment class')
    expect(prop(prop(cancelled!, 'offers') as Expanded, 'availability')).toBe('https://schema.org/SoldOut')
    const [online] = await expandJsonLd(eventJsonLd({ ...event, format: 'online', venue: null }, context))
    checkEvent(online!)
    expect(prop(online!, 'eventAttendanceMode')).toBe('https://schema.org/OnlineEventAttendanceMode')
    const location = prop(online!, 'location') as Expanded
    expect(typeOf(location)).toEqual(['VirtualLocation'])
    expect(prop(location, 'url')).toBe(context.url)
  })

  it('is caught when a required property is missing (the check\'s control)', async () => {
    const { location: _location, ...broken } = eventJsonLd(event, context)
    const [node] = await expandJsonLd(broken)
    expect(() => checkEvent(node!)).toThrow()
  })

  it('never fetches a context from the network', async () => {
    await expect(expandJsonLd({ ...eventJsonLd(event, context), '@context': 'https://example.com/ctx' })).rejects.toThrow()
  })
})
