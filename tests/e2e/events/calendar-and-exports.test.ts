import ICAL from 'ical.js'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const resident = new ApiClient(baseURL)
const organizer = new ApiClient(baseURL)

beforeAll(async () => {
  await organizer.login('organizer@demo.local')
})

async function calendar(slug: string, headers: Record<string, string> = {}, query = '') {
  const res = await fetch(`${baseURL}/api/events/${slug}/calendar.ics${query}`, { headers })
  const text = await res.text()
  if (res.status !== 200) return { res, text, value: () => undefined }
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!
  return { res, text, value: (name: string) => vevent.getFirstPropertyValue(name) }
}

describe('the calendar file', () => {
  it('opens in an independent parser, in the resident\'s language', async () => {
    const { slug } = await publishedEvent(organizer)
    const zh = await calendar(slug)
    expect(zh.res.headers.get('content-type')).toContain('text/calendar')
    expect(zh.value('summary')).toBe('测试：手机支付小课堂')
    expect(zh.value('description')).toContain('学会安全地用手机付款')
    expect(zh.value('location')).toContain('天津市和平区')
    expect(zh.value('url')).toBe(`${baseURL}/events/${slug}`)
    expect(zh.text).not.toContain('Mobile payment')
    expect(zh.text).toMatch(/\r\nTRIGGER:-P1D\r\n/)
    // The city's week organises, from the profile; every line ends with CRLF, the last too.
    expect(zh.text.replace(/\r\n /g, '')).toMatch(/\r\nORGANIZER;CN="天津市信息消费体验周组委会办公室":mailto:info-week@example\.gov\.cn\r\n/)
    expect(zh.text.endsWith('END:VCALENDAR\r\n')).toBe(true)

    for (const en of [await calendar(slug, { 'accept-language': 'en-GB,en;q=0.9' }), await calendar(slug, { cookie: 'lang=en' }), await calendar(slug, { 'accept-language': 'zh-CN' }, '?lang=en')]) {
      expect(en.value('summary')).toBe('Test: mobile payment class')
      expect(en.value('description')).toContain('Learn to pay safely by phone')
      expect(en.text).not.toContain('手机支付')
      expect(en.value('uid')).toBe(zh.value('uid'))
      expect(en.res.headers.get('vary')).toMatch(/accept-language/i)
    }
    const bad = await calendar(slug, {}, '?lang=fr')
    expect(bad.res.status).toBe(400)
    expect(JSON.parse(bad.text).data.fieldErrors.lang).toBeDefined()
  })

  it('says STATUS:CANCELLED with a higher SEQUENCE once the event is cancelled', async () => {
    const { id, slug } = await publishedEvent(organizer)
    const before = await calendar(slug)
    expect(before.value('status')).toBe('CONFIRMED')
    expect((await organizer.post(`/api/organizer/events/${id}/cancel`)).status).toBe(200)
    const after = await calendar(slug)
    expect(after.value('status')).toBe('CANCELLED')
    expect(Number(after.value('sequence'))).toBeGreaterThan(Number(before.value('sequence')))
    expect(after.value('uid')).toBe(before.value('uid'))
  })
})

describe('the attendee export', () => {
  it('opens a name that starts with = as text, masked and revealed', async () => {
    const { id, slug } = await publishedEvent(organizer)
    const name = '=HYPERLINK("http://evil.test","点我")'
    expect((await resident.post(`/api/events/${slug}/registrations`, { phone: mobile(), name, partySize: 1, consent: true })).status).toBe(201)
    const formulaCells = (csv: string) => csv.split(/\r?\n/).flatMap(line => line.split(',')).filter(cell => /^"?[=+\-@\t\r]/.test(cell))

    const masked = await organizer.get(`/api/organizer/events/${id}/registrations.csv`)
    expect(masked.text).toContain('\'=***')
    expect(formulaCells(masked.text)).toEqual([])

    const revealed = await organizer.post(`/api/organizer/events/${id}/registrations.csv`, { reason: '核对报名名单' })
    expect(revealed.status).toBe(200)
    expect(revealed.text).toContain('"\'=HYPERLINK(""http://evil.test"",""点我"")"')
    expect(formulaCells(revealed.text)).toEqual([])
  })
})

describe('walk-ins', () => {
  it('take a district of the city, and refuse another with a field error', async () => {
    const { id } = await publishedEvent(organizer)
    const unknown = await organizer.post(`/api/organizer/events/${id}/walk-ins`, { name: '高德明', phone: mobile(), partySize: 1, district: 'atlantis', consent: true })
    expect(unknown.status).toBe(422)
    expect(Object.keys(unknown.json.data.fieldErrors)).toEqual(['district'])
    expect((await organizer.post(`/api/organizer/events/${id}/walk-ins`, { name: '高德明', phone: mobile(), partySize: 1, district: 'heping', consent: true })).status).toBe(201)
    const list = await organizer.get(`/api/organizer/events/${id}/registrations`)
    expect(list.json.items.map((r: { district: string | null }) => r.district)).toEqual(['heping'])
  })
})

describe('small things that answered wrongly', () => {
  it.each(['9999-99-99', '2026-13-01', '2026-02-30'])('an impossible date %s is a 400 with a field error', async (date) => {
    const res = await resident.get(`/api/events?date=${date}`)
    expect(res.status).toBe(400)
    expect(Object.keys(res.json.data.fieldErrors)).toEqual(['date'])
  })

  it('a PATCH leaves the fields it does not name alone', async () => {
    const { id } = await publishedEvent(organizer)
    expect((await organizer.request('PATCH', `/api/organizer/events/${id}`, { maxPartySize: 6 })).status).toBe(200)
    expect((await organizer.request('PATCH', `/api/organizer/events/${id}`, { capacity: 20 })).status).toBe(200)
    expect((await organizer.get(`/api/organizer/events/${id}`)).json).toMatchObject({ maxPartySize: 6, capacity: 20 })
  })
})
