import { describe, expect, it } from 'vitest'
import { assistedBookingBody, normalizeLandline } from '#shared/assisted/schemas'
import { weekStart } from '~~/server/assisted/bookings'
import { composeMessage } from '~~/server/notifications/messages'

// The rules of a helper's booking for a resident (issue 25): numbers, consent, the text the resident gets, the week.
const base = { event: 'heping-class', name: '王秀兰', partySize: 1, consent: 'in-person' }

describe('a helper\'s booking body', () => {
  it('takes a mobile, a landline or no phone, normalised; a wrong kind of number is a field error on phone', () => {
    expect(assistedBookingBody.parse({ ...base, contact: 'mobile', phone: '+86 139-1234-5678' }).phone).toBe('13912345678')
    expect(assistedBookingBody.parse({ ...base, contact: 'landline', phone: '０２４－２３４５６７８９' }).phone).toBe('02423456789')
    expect(assistedBookingBody.parse({ ...base, contact: 'none', phone: '13912345678' }).phone).toBeNull()
    const wrong = assistedBookingBody.safeParse({ ...base, contact: 'landline', phone: '13912345678' })
    expect(wrong.success).toBe(false)
    expect(wrong.error!.issues.map(i => i.path[0])).toEqual(['phone'])
    expect(assistedBookingBody.safeParse({ ...base, contact: 'mobile', phone: '024-23456789' }).success).toBe(false)
  })

  it('needs the way the resident agreed, one of the two', () => {
    const { consent: _, ...noConsent } = base
    expect(assistedBookingBody.safeParse({ ...noConsent, contact: 'none' }).success).toBe(false)
    expect(assistedBookingBody.safeParse({ ...base, contact: 'none', consent: 'neighbour-said-so' }).success).toBe(false)
    expect(assistedBookingBody.parse({ ...base, contact: 'none', consent: 'phone' }).consent).toBe('phone')
  })

  it('reads landlines with an area code only', () => {
    expect(normalizeLandline('(024) 2345 6789')).toBe('02423456789')
    expect(normalizeLandline('010-1234567')).toBe('0101234567')
    expect(normalizeLandline('23456789')).toBeNull()
    expect(normalizeLandline('13912345678')).toBeNull()
  })
})

describe('the resident\'s text', () => {
  const context = { city: '天津', title: '手机支付课', startsAt: '2030-05-06T02:00:00.000Z', place: '和平区体验中心', partySize: 2, code: 'ABCD2345', waitlistPosition: 3, ticketUrl: 'https://x/tickets/t', releaseUrl: 'https://x/release/t' }
  it('says staff booked it with their consent, and how to cancel', () => {
    const confirmed = composeMessage('assisted-confirmed', context)
    expect(confirmed.text).toContain('工作人员已按您的同意为您报名')
    expect(confirmed.text).toContain('取消')
    expect(confirmed.params.link).toBe('https://x/tickets/t')
    const waiting = composeMessage('assisted-waitlisted', context)
    expect(waiting.text).toContain('候补第3位')
    expect(waiting.params).toMatchObject({ position: '3', link: 'https://x/tickets/t' })
  })
})

describe('the helper\'s week', () => {
  it('starts on Monday at midnight in Beijing time', () => {
    // A Sunday evening in Beijing is still the week that began six days before.
    const now = new Date()
    const start = new Date(weekStart(now))
    const beijing = new Date(start.getTime() + 8 * 3600_000)
    expect([beijing.getUTCDay(), beijing.getUTCHours(), beijing.getUTCMinutes()]).toEqual([1, 0, 0])
    expect(now.getTime() - start.getTime()).toBeLessThan(7 * 24 * 3600_000)
    expect(now.getTime()).toBeGreaterThanOrEqual(start.getTime())
    expect(weekStart(start)).toBe(start.toISOString())
    expect(weekStart(new Date(start.getTime() - 1))).toBe(new Date(start.getTime() - 7 * 24 * 3600_000).toISOString())
  })
})
