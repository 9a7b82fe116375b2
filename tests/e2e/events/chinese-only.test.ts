import { beforeAll, describe, expect, inject, it } from 'vitest'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const organizer = new ApiClient(baseURL)
const HOUR = 3_600_000

beforeAll(async () => {
  await organizer.login('organizer@demo.local')
})

/** A whole event written in Chinese only, as a village station would, with no web address typed. */
function chineseOnly(title: string) {
  const now = Date.now()
  return {
    title: { zh: title }, summary: { zh: '学会安全地用手机付款' }, description: { zh: '**带上手机**' }, whatToBring: { zh: '身份证和手机' },
    startsAt: new Date(now + 72 * HOUR).toISOString(), endsAt: new Date(now + 74 * HOUR).toISOString(),
    venueCode: 'heping-telecom-experience-centre', district: 'heping', category: 'daily-life', audience: ['older-people'], format: 'onsite',
    capacity: 5, bookingOpensAt: new Date(now - HOUR).toISOString(), bookingClosesAt: new Date(now + 70 * HOUR).toISOString(),
  }
}

describe('an event written in Chinese only', () => {
  it('is saved with a web address made from the pinyin of its title, a second one with -2', async () => {
    const title = `村里的手机课${Date.now().toString(36).replace(/[0-9]/g, '')}`
    const first = await organizer.post('/api/organizer/events', chineseOnly(title))
    expect(first.status, first.text).toBe(201)
    expect(first.json.slug).toMatch(/^cun-li-de-shou-ji-ke-[a-z-]+$/)
    const second = await organizer.post('/api/organizer/events', chineseOnly(title))
    expect(second.status, second.text).toBe(201)
    expect(second.json.slug).toBe(`${first.json.slug}-2`)

    const detail = await organizer.get(`/api/organizer/events/${first.json.id}`)
    expect(detail.json.title).toEqual({ zh: title, en: '' })
    expect(detail.json.whatToBring).toEqual({ zh: '身份证和手机', en: '' })

    // The organiser may still give it another address and an English title later.
    const renamed = await organizer.request('PATCH', `/api/organizer/events/${second.json.id}`, { slug: `${first.json.slug}-b`, title: { zh: title, en: 'Phone class in the village' } })
    expect(renamed.status, renamed.text).toBe(200)
    expect((await organizer.get(`/api/organizer/events/${second.json.id}`)).json.slug).toBe(`${first.json.slug}-b`)
  })

  it('shows its Chinese on English pages, marked as Chinese, and in the English calendar file', async () => {
    const created = await organizer.post('/api/organizer/events', chineseOnly('手机支付小课堂'))
    expect(created.status, created.text).toBe(201)
    expect((await organizer.post(`/api/organizer/events/${created.json.id}/publish`)).status).toBe(200)
    const slug = created.json.slug as string

    const api = await fetch(`${baseURL}/api/events/${slug}`, { headers: { cookie: 'lang=en' } }).then(r => r.json())
    expect(api.title).toEqual({ zh: '手机支付小课堂', en: '' })

    const page = await fetch(`${baseURL}/events/${slug}`, { headers: { cookie: 'lang=en' } }).then(r => r.text())
    expect(page).toContain('<dd><span lang="zh-CN">身份证和手机<small class="lang-note">(中文)</small></span></dd>')

    const ics = await fetch(`${baseURL}/api/events/${slug}/calendar.ics?lang=en`).then(r => r.text())
    expect(ics).toContain('SUMMARY:手机支付小课堂')
    expect(ics).toContain('学会安全地用手机付款')
  })

  it('refuses an event with no Chinese title, naming the field', async () => {
    const body = { ...chineseOnly('课'), title: { en: 'English only' } }
    const res = await organizer.post('/api/organizer/events', body)
    expect(res.status).toBe(422)
    expect(Object.keys(res.json.data.fieldErrors)).toEqual(['title.zh'])
  })
})
