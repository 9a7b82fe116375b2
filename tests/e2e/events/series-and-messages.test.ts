import { beforeAll, describe, expect, inject, it } from 'vitest'
import { mobile } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const organizer = new ApiClient(baseURL)
const admin = new ApiClient(baseURL)
const HOUR = 3_600_000
const DAY = 24 * HOUR

beforeAll(async () => {
  await organizer.login('organizer@demo.local')
  await admin.login('admin@demo.local')
})

/** A Tuesday 14:00 Beijing time some weeks from now (computed: the test never names a date). */
function tuesday(weeksAhead: number): string {
  const shanghai = new Date(Date.now() + weeksAhead * 7 * DAY + 8 * HOUR)
  const date = new Date(shanghai.getTime() + ((2 - shanghai.getUTCDay() + 7) % 7) * DAY).toISOString().slice(0, 10)
  return new Date(`${date}T14:00:00+08:00`).toISOString()
}
const beijingDate = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 10)
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()

function classBody(title: string, startsAt: string, repeat?: Record<string, unknown>) {
  return {
    title: { zh: title }, summary: { zh: '每周二、四下午，手把手教您用手机' }, description: { zh: '带上手机和充电器' },
    startsAt, endsAt: plus(startsAt, 2 * HOUR), venueCode: 'heping-telecom-experience-centre', district: 'heping',
    category: 'daily-life', audience: ['older-people'], format: 'onsite', capacity: 10,
    bookingOpensAt: new Date(Date.now() - HOUR).toISOString(), bookingClosesAt: plus(startsAt, -HOUR),
    ...(repeat ? { repeat } : {}),
  }
}

const book = (slug: string) => fetch(`${baseURL}/api/events/${slug}/registrations`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: '王秀兰', phone: mobile(), partySize: 1, consent: true }),
}).then(async r => ({ status: r.status, json: await r.json() as { code: string } }))

describe('repeating classes', () => {
  const first = tuesday(5)
  const skipped = beijingDate(plus(first, 2 * DAY)) // the first Thursday
  let ids: string[] = []
  let slugs: string[] = []

  it('refuses a rule whose days leave out the first class, and more than 60 classes', async () => {
    const wrongDay = await organizer.post('/api/organizer/events', classBody('错的星期', first, { frequency: 'weekly', weekdays: ['WE'], count: 4 }))
    expect(wrongDay.status).toBe(422)
    expect(Object.keys(wrongDay.json.data.fieldErrors)).toEqual(['repeat.weekdays'])
    const tooMany = await organizer.post('/api/organizer/events', classBody('太多', first, { frequency: 'daily', count: 61 }))
    expect(tooMany.status).toBe(422)
    const both = await organizer.post('/api/organizer/events', classBody('两种结束', first, { frequency: 'daily', count: 5, until: beijingDate(plus(first, 9 * DAY)) }))
    expect(both.status).toBe(422)
  })

  it('makes a series every Tuesday and Thursday, six times, skipping a date: five drafts, each its own event', async () => {
    const created = await organizer.post('/api/organizer/events', classBody('老年手机课', first, { frequency: 'weekly', weekdays: ['TU', 'TH'], count: 6, except: [skipped] }))
    expect(created.status, created.text).toBe(201)
    expect(created.json.series.occurrences).toBe(5)
    const list = await organizer.get('/api/organizer/events')
    const mine = list.json.items.filter((e: { title: { zh: string }, startsAt: string }) => e.title.zh === '老年手机课' && e.startsAt >= first)
      .sort((a: { startsAt: string }, b: { startsAt: string }) => a.startsAt.localeCompare(b.startsAt))
    expect(mine).toHaveLength(5)
    expect(mine[0].id).toBe(created.json.id)
    expect(mine.map((e: { startsAt: string }) => beijingDate(e.startsAt))).not.toContain(skipped)
    ids = mine.map((e: { id: string }) => e.id)
    slugs = mine.map((e: { slug: string }) => e.slug)
    expect(slugs[0]).toMatch(/^lao-nian-shou-ji-ke-\d{4}$/)
    const detail = await organizer.get(`/api/organizer/events/${ids[2]}`)
    expect(detail.json.series).toMatchObject({ position: 3, total: 5 })
    for (const id of ids) expect((await organizer.post(`/api/organizer/events/${id}/publish`)).status).toBe(200)
  })

  it('offers the series as one calendar entry with its RRULE and the skipped date, and lists the other dates', async () => {
    const ics = await fetch(`${baseURL}/api/events/${slugs[0]}/series.ics`).then(r => r.text())
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6')
    expect(ics).toContain(`EXDATE;TZID=Asia/Shanghai:${skipped.replace(/-/g, '')}T140000`)
    expect(ics).toContain(`DTSTART;TZID=Asia/Shanghai:${beijingDate(first).replace(/-/g, '')}T140000`)
    const page = await fetch(`${baseURL}/api/events/${slugs[0]}`).then(r => r.json()) as { series: { dates: Array<{ slug: string }> } }
    expect(page.series.dates.map(d => d.slug)).toEqual(slugs.slice(1))
    expect((await fetch(`${baseURL}/api/events/does-not-exist/series.ics`)).status).toBe(404)
  })

  it('edits "this and following": asks which, leaves earlier classes, moves later ones, keeps bookings and texts the moved one', async () => {
    const early = await book(slugs[0]!)
    const late = await book(slugs[3]!)
    expect([early.status, late.status]).toEqual([201, 201])
    const before = await Promise.all(ids.map(id => organizer.get(`/api/organizer/events/${id}`).then(r => r.json)))

    const unasked = await organizer.request('PATCH', `/api/organizer/events/${ids[2]}`, { title: { zh: '老年手机课（新）' } })
    expect(unasked.status).toBe(422)
    expect(Object.keys(unasked.json.data.fieldErrors)).toEqual(['scope'])

    const moved = await organizer.request('PATCH', `/api/organizer/events/${ids[2]}`, {
      scope: 'following', title: { zh: '老年手机课（新）' }, startsAt: plus(before[2]!.startsAt, HOUR), endsAt: plus(before[2]!.endsAt, HOUR),
    })
    expect(moved.status, moved.text).toBe(200)
    expect(moved.json).toEqual({ ok: true, occurrences: 3, notified: 1 })

    const after = await Promise.all(ids.map(id => organizer.get(`/api/organizer/events/${id}`).then(r => r.json)))
    for (const i of [0, 1]) expect([after[i]!.title.zh, after[i]!.startsAt]).toEqual([before[i]!.title.zh, before[i]!.startsAt])
    for (const i of [2, 3, 4]) {
      expect(after[i]!.title.zh).toBe('老年手机课（新）')
      expect(after[i]!.startsAt).toBe(plus(before[i]!.startsAt, HOUR))
      expect(after[i]!.slug).toBe(before[i]!.slug)
    }
    const attendees = await organizer.get(`/api/organizer/events/${ids[3]}/registrations`)
    expect(attendees.json.items.map((r: { code: string, status: string }) => [r.code, r.status])).toEqual([[late.json.code, 'confirmed']])
    expect((await organizer.get(`/api/organizer/events/${ids[0]}/registrations`)).json.items[0].code).toBe(early.json.code)

    // The series split where the edit began: the first part ends before it, the second starts at 15:00.
    const earlier = await fetch(`${baseURL}/api/events/${slugs[0]}/series.ics`).then(r => r.text())
    expect(earlier).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=\d{8}T\d{6}Z/)
    const later = await fetch(`${baseURL}/api/events/${slugs[3]}/series.ics`).then(r => r.text())
    expect(later).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3')
    expect(later).toContain('T150000')

    const texts = await organizer.get(`/api/organizer/events/${ids[3]}/notifications`)
    expect(texts.json.items.filter((n: { kind: string }) => n.kind === 'event-changed')).toHaveLength(1)
    expect((await organizer.get(`/api/organizer/events/${ids[0]}/notifications`)).json.items.some((n: { kind: string }) => n.kind === 'event-changed')).toBe(false)
  })
})

describe('messages to an event\'s attendees', () => {
  it('refuses more than 70 characters or a web address, sends three, refuses the fourth, and audits each', async () => {
    const created = await organizer.post('/api/organizer/events', classBody('通知测试课', tuesday(6)))
    expect(created.status).toBe(201)
    const { id, slug } = created.json
    await organizer.post(`/api/organizer/events/${id}/publish`)
    await book(slug)
    await book(slug)
    const url = `/api/organizer/events/${id}/messages`

    expect((await organizer.post(url, { text: '请'.repeat(71) })).status).toBe(422)
    expect((await organizer.post(url, { text: '详情见 https://example.com' })).status).toBe(422)
    expect((await organizer.post(url, { text: '   ' })).status).toBe(422)
    const seventy = await organizer.post(url, { text: '请'.repeat(70) })
    expect(seventy.status, seventy.text).toBe(201)
    expect(seventy.json).toMatchObject({ recipients: 2, remaining: 2 })
    expect((await organizer.post(url, { text: '请从北门进入' })).status).toBe(201)
    expect((await organizer.post(url, { text: '记得带身份证' })).status).toBe(201)
    const fourth = await organizer.post(url, { text: '第四条' })
    expect(fourth.status).toBe(409)
    expect(fourth.json.data.reason).toBe('message-limit')
    expect(fourth.json.message).toMatch(/3 messages/)

    const notices = await organizer.get(url)
    expect(notices.json).toMatchObject({ limit: 3, remaining: 0, recipients: 2, published: true })
    expect(notices.json.messages.map((m: { text: string }) => m.text)).toEqual(['记得带身份证', '请从北门进入', '请'.repeat(70)])
    expect(notices.json.template.city).toBe('天津市')

    const audit = await admin.get('/api/admin/audit?action=event.message&pageSize=100')
    const mine = audit.json.items.filter((e: { targetId: string }) => e.targetId === id)
    expect(mine).toHaveLength(3)
    expect(mine.map((e: { details: { text: string } }) => e.details.text).sort()).toEqual(['请'.repeat(70), '请从北门进入', '记得带身份证'].sort())
    expect(mine.every((e: { actorEmail: string }) => e.actorEmail === 'organizer@demo.local')).toBe(true)
  })

  it('is refused for a draft (nobody has booked it)', async () => {
    const created = await organizer.post('/api/organizer/events', classBody('草稿课', tuesday(7)))
    expect((await organizer.post(`/api/organizer/events/${created.json.id}/messages`, { text: '你好' })).status).toBe(409)
  })
})
