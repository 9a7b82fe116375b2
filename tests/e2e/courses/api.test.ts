import { describe, expect, inject, it } from 'vitest'
import { publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const api = new ApiClient(baseURL)
const course = 'pay-by-phone-safely'

describe('the courses API', () => {
  it('lists courses with their lessons and minutes, and filters by topic, audience and level', async () => {
    const all = await api.get('/api/courses')
    expect(all.status).toBe(200)
    const card = all.json.items.find((c: { slug: string }) => c.slug === course)
    expect(card).toMatchObject({ topic: 'mobile-payment', level: 'first-steps', lessonCount: 3, minutes: 21 })
    expect(all.json.total).toBe(all.json.items.length)

    const filtered = async (query: string) => (await api.get(`/api/courses?${query}`)).json.items.map((c: { slug: string }) => c.slug)
    expect(await filtered('topic=mobile-payment&audience=older-people&level=first-steps')).toContain(course)
    expect(await filtered('topic=travel-online')).not.toContain(course)
    expect(await filtered('audience=students')).not.toContain(course)
    expect(await filtered('level=next-steps')).not.toContain(course)
  })

  it('answers bad filters with 400 and the field named', async () => {
    const bad = await api.get('/api/courses?topic=cooking&level=expert')
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.data.fieldErrors)).toEqual(expect.arrayContaining(['topic', 'level']))
  })

  it('gives a course with its lessons in order', async () => {
    const res = await api.get(`/api/courses/${course}`)
    expect(res.status).toBe(200)
    expect(res.json.lessons.map((l: { slug: string }) => l.slug)).toEqual(['scan-to-pay', 'payment-password', 'verification-codes'])
    expect(res.json.lessons[0]).toMatchObject({ minutes: 8, steps: 6 })
    expect(res.json.learn.zh.length).toBe(res.json.learn.en.length)
    expect((await api.get('/api/courses/no-such-course')).status).toBe(404)
    expect((await api.get('/api/courses/Not_A_Slug')).status).toBe(400)
  })

  it('gives a lesson with all its steps: safe HTML, the simulation, only the configured city\'s steps', async () => {
    const lesson = (await api.get(`/api/courses/${course}/lessons/scan-to-pay`)).json
    expect(lesson.steps).toHaveLength(6)
    expect(lesson.steps[4].simulation).toBe('scan-pay')
    expect(lesson.steps[4].html.zh).not.toContain('course-simulation')
    expect(lesson.steps[1].html.zh).toContain('<strong>名字不对，就不要付。</strong>')
    expect(lesson.next.slug).toBe('payment-password')
    expect(lesson.check[0]).toMatchObject({ answer: 1 })

    // The server runs with CITY=tianjin (the default): the Huludao twin of the last step is left out.
    const codes = (await api.get(`/api/courses/${course}/lessons/verification-codes`)).json
    expect(codes.steps).toHaveLength(6)
    expect(codes.steps.at(-1).html.zh).toContain('信息消费体验中心')
    expect(JSON.stringify(codes)).not.toContain('益农信息社')
    expect(codes.next).toBeNull()

    expect((await api.get(`/api/courses/${course}/lessons/no-such`)).status).toBe(404)
  })

  it('lists the upcoming published events whose organizers linked them to the course, soonest first', async () => {
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const hour = 3_600_000
    const later = await publishedEvent(organizer, { courses: [course], startsAt: new Date(Date.now() + 96 * hour).toISOString(), endsAt: new Date(Date.now() + 98 * hour).toISOString() })
    const sooner = await publishedEvent(organizer, { courses: [course] })
    const unlinked = await publishedEvent(organizer)
    // A copy is a draft, with the same courses: not public, so not listed.
    const draft = await organizer.post(`/api/organizer/events/${sooner.id}/duplicate`)
    expect(draft.status).toBe(201)

    const listed = async () => (await api.get(`/api/courses/${course}`)).json.upcomingEvents.map((e: { slug: string }) => e.slug)
    const slugs = await listed()
    expect(slugs.indexOf(sooner.slug)).toBeGreaterThanOrEqual(0)
    expect(slugs.indexOf(sooner.slug)).toBeLessThan(slugs.indexOf(later.slug))
    expect(slugs).not.toContain(unlinked.slug)
    expect(slugs).not.toContain(draft.json.slug)
    expect((await organizer.get(`/api/organizer/events/${draft.json.id}`)).json.courses).toEqual([course])
    expect((await organizer.get(`/api/organizer/events/${sooner.id}`)).json.courses).toEqual([course])

    // A resident who has said where they live sees that district's classes first (the later one is online, in Hexi).
    const hexi = await publishedEvent(organizer, { courses: [course], format: 'online', venueCode: null, district: 'hexi', startsAt: new Date(Date.now() + 120 * hour).toISOString(), endsAt: new Date(Date.now() + 122 * hour).toISOString() })
    const near = (await api.get(`/api/courses/${course}?district=hexi`)).json.upcomingEvents
    // Hexi's classes first (the demo's own Hexi classes of this course among them), this one with them.
    const hexiFirst = near.slice(0, near.filter((e: { district: string }) => e.district === 'hexi').length)
    expect(hexiFirst.every((e: { district: string }) => e.district === 'hexi')).toBe(true)
    expect(hexiFirst.map((e: { slug: string }) => e.slug)).toContain(hexi.slug)
    const anywhere = (await listed())
    expect(anywhere.indexOf(sooner.slug)).toBeLessThan(anywhere.indexOf(hexi.slug))
    expect((await api.get(`/api/courses/${course}?district=Not+A+Code`)).status).toBe(400)

    // Unlinked by an edit; an unknown course is refused with the field named.
    expect((await organizer.request('PATCH', `/api/organizer/events/${later.id}`, { courses: [] })).status).toBe(200)
    expect(await listed()).not.toContain(later.slug)
    const bad = await organizer.request('PATCH', `/api/organizer/events/${later.id}`, { courses: ['no-such-course'] })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.json.data.fieldErrors)).toEqual(['courses'])
  })
})
