// test-clock: the schemas check the shape of dates, never how far they are from today.
import { describe, expect, it } from 'vitest'
import { eventCreateBody, eventPatchBody } from '#shared/events/organizer'
import { eventListQuery } from '#shared/events/requests'

describe('event list query', () => {
  it.each(['9999-99-99', '2026-13-01', '2026-02-30', '2027-02-29', '2026-1-01'])('refuses the impossible date %s with a field error', (date) => {
    const result = eventListQuery.safeParse({ date })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map(i => i.path.join('.'))).toContain('date')
  })

  it.each([['2028-02-29', '2028-02-29'], ['2026-09-15', '2026-09-15'], ['3', 3]])('takes %s', (date, parsed) => {
    expect(eventListQuery.parse({ date }).date).toBe(parsed)
  })
})

describe('event bodies', () => {
  it('PATCH never fills in a default: a field left out is left alone', () => {
    expect(eventPatchBody.parse({ capacity: 20 })).toEqual({ capacity: 20 })
    expect(eventPatchBody.parse({ maxPartySize: 6 })).toEqual({ maxPartySize: 6 })
  })

  it('creation still defaults the party size to 4', () => {
    const text = { zh: '手机支付小课堂', en: 'Mobile payment class' }
    const created = eventCreateBody.parse({
      slug: 'mobile-payment', title: text, summary: text, description: text, venueCode: 'heping-centre', district: 'heping',
      startsAt: '2026-06-01T10:00:00+08:00', endsAt: '2026-06-01T12:00:00+08:00', bookingOpensAt: '2026-05-01T00:00:00Z', bookingClosesAt: '2026-06-01T00:00:00Z',
      category: 'daily-life', audience: ['older-people'], format: 'onsite', capacity: 30,
    })
    expect(created.maxPartySize).toBe(4)
  })
})
