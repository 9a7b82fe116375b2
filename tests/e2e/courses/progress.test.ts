import { describe, expect, inject, it } from 'vitest'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const api = new ApiClient(baseURL)
const course = 'pay-by-phone-safely'

describe('progress behind a resume code', () => {
  it('makes a code, gives the progress back, and records later steps and finished lessons', async () => {
    const made = await api.post('/api/progress', { course, lesson: 'scan-to-pay', step: 2 })
    expect(made.status).toBe(201)
    expect(made.headers.get('cache-control')).toBe('no-store')
    const code = made.json.resumeCode as string
    expect(code).toMatch(/^[ACEFGHJKMNPRTUVWXY34679]{7}$/)
    expect(Date.parse(made.json.forgetAfter) - Date.parse(made.json.updatedAt)).toBe(180 * 86_400_000)

    const put = await api.request('PUT', `/api/progress/${code}`, { course, lesson: 'scan-to-pay', step: 6, completed: true })
    expect(put.status).toBe(200)
    const read = await api.get(`/api/progress/${code.toLowerCase().slice(0, 4)}-${code.toLowerCase().slice(4)}`)
    expect(read.status).toBe(200)
    expect(read.json.courses[course]).toEqual({ lesson: 'scan-to-pay', step: 6, done: ['scan-to-pay'] })
  })

  it('answers unknown codes with 404, malformed ones with 400, and bodies with steps or lessons that do not exist (or fields it does not take) with 422 naming the field', async () => {
    expect((await api.get('/api/progress/ACEFGHJ')).status).toBe(404)
    expect((await api.request('PUT', '/api/progress/ACEFGHJ', { course, lesson: 'scan-to-pay', step: 1 })).status).toBe(404)
    const bad = await api.get('/api/progress/0000000')
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.data.fieldErrors)).toEqual(['code'])
    const noLesson = await api.post('/api/progress', { course, lesson: 'no-such-lesson', step: 1 })
    expect(noLesson.status).toBe(422)
    expect(Object.keys(noLesson.json.data.fieldErrors)).toEqual(['lesson'])
    const tooFar = await api.post('/api/progress', { course, lesson: 'scan-to-pay', step: 7 })
    expect(tooFar.status).toBe(422)
    expect(Object.keys(tooFar.json.data.fieldErrors)).toEqual(['step'])
    expect((await api.post('/api/progress', { course, lesson: 'scan-to-pay', step: 1, name: '陈桂兰' })).status).toBe(422)
  })
})

describe('anonymous learning figures', () => {
  it('counts steps reached and lessons finished, and shows organizers where learners stop', async () => {
    const lesson = 'payment-password'
    for (let i = 0; i < 3; i++) expect((await api.post('/api/course-activity', { course, lesson, step: 1 })).status).toBe(204)
    await api.post('/api/course-activity', { course, lesson, step: 2 })
    await api.post('/api/course-activity', { course, lesson, completed: true })
    expect((await api.post('/api/course-activity', { course, lesson, step: 99 })).status).toBe(422)
    expect((await api.post('/api/course-activity', { course, lesson })).status).toBe(422)

    expect((await api.get('/api/organizer/courses/figures')).status).toBe(401)
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const figures = await organizer.get('/api/organizer/courses/figures')
    expect(figures.status).toBe(200)
    const row = figures.json.courses.find((c: { slug: string }) => c.slug === course).lessons.find((l: { slug: string }) => l.slug === lesson)
    expect(row.starts).toBeGreaterThanOrEqual(3)
    expect(row.reached[0]).toBeGreaterThan(row.reached[1])
    expect(row.mostLeaveAfter).toBe(1)
    expect(JSON.stringify(figures.json)).not.toMatch(/resume|code_hash/i)
    expect((await organizer.get('/api/organizer/courses/figures?from=2019-12-09&to=2019-12-01')).status).toBe(400)
  })
})
