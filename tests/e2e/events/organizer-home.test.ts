import { beforeAll, describe, expect, inject, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const organizer = new ApiClient(baseURL)
const HOUR = 3_600_000

beforeAll(async () => {
  await organizer.login('organizer@demo.local')
})

describe('the organiser\'s home', () => {
  it('shows an event of today or tomorrow with its counts and a check-in button, and the buttons to create and import', async () => {
    // Two hours from now is today or tomorrow in Beijing, whatever the hour.
    const start = Date.now() + 2 * HOUR
    const title = `首页测试活动 ${start.toString(36)}`
    const { id, slug } = await publishedEvent(organizer, {
      title: { zh: title, en: '' }, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR).toISOString(),
      bookingClosesAt: new Date(start).toISOString(),
    })
    expect((await new ApiClient(baseURL).post(`/api/events/${slug}/registrations`, { phone: mobile(), name: '王秀英', partySize: 2, consent: true })).status).toBe(201)

    const list = await organizer.get('/api/organizer/events')
    expect(list.json.items.find((e: { id: string }) => e.id === id)).toMatchObject({ confirmedPlaces: 2, failedMessages: 0 })

    const page = await organizer.get('/organizer')
    expect(page.status).toBe(200)
    expect(page.text).toContain(title)
    expect(page.text).toContain('已报名 2 / 5 人，已签到 0 人，候补 0 组')
    expect(page.text).toContain(`href="/organizer/events/${id}/check-in"`)
    expect(page.text).toContain('href="/organizer/events/new"')
    expect(page.text).toContain('href="/organizer/events/import"')
    expect(page.text).toMatch(/(今天|明天)的活动（\d+ 个）/)
  })
})
