import { describe, expect, inject, it } from 'vitest'
import type { z } from 'zod'
import { responseSchemas } from '~~/server/openapi/document'
import { publishedEvent, mobile } from '~~/tests/support/event-fixtures'
import { apiRoutes } from '~~/tests/support/routes'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const documented = (path: string) => path.replace(/\{(\w+)\}/g, (_, p: string) => `[${p}]`)

/**
 * The schema accepts the response and describes all of it: zod drops keys it
 * does not know, so a field the API returns but the document leaves out fails too.
 */
function expectExactly(name: keyof typeof responseSchemas, body: unknown) {
  const schema: z.ZodType = responseSchemas[name]
  const parsed = schema.safeParse(body)
  expect(parsed.error?.issues, name).toBeUndefined()
  expect(parsed.data, name).toEqual(body)
}

// What a mini-program written against the first version of the API reads from an event and a booking.
const eventFieldsSince1 = ['id', 'slug', 'title', 'summary', 'startsAt', 'endsAt', 'venueId', 'district', 'category', 'audience', 'format', 'capacity', 'maxPartySize', 'bookingOpensAt', 'bookingClosesAt', 'status', 'placesLeft', 'waitlistLength', 'bookingOpen', 'availability']
const bookingFieldsSince1 = ['code', 'status', 'partySize', 'ticketToken']

describe('the OpenAPI document', () => {
  it('describes exactly the public API and the organizer event routes', async () => {
    const doc = await (await fetch(`${baseURL}/api/openapi.json`)).json()
    expect(doc.openapi).toBe('3.1.0')
    const inDoc = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map(m => `${m.toUpperCase()} ${documented(path)}`)).sort()
    const contract = /^(auth|events|registrations|tickets|my-data|verifications|venues|courses|progress|course-activity|quizzes|quiz-attempts|contests|contest-entries|case-calls|case-submissions|cases|assisted|admin\/cases|statistics|sms|admin\/statistics|city|health|organizer\/(events|venues|organisation|courses|quizzes|contests|cases))\b/
    const inCode = apiRoutes().filter(r => contract.test(r.file)).map((r) => {
      const path = `/api/${r.file.replace(/(\.(get|post|put|patch|delete))?\.ts$/, '').replace(/\/index$/, '').replace(/^index$/, '')}`
      return `${r.method} ${path}`
    }).sort()
    expect(inDoc).toEqual(inCode)
  })

  it('keeps every field and value the first version promised', async () => {
    const doc = await (await fetch(`${baseURL}/api/openapi.json`)).json()
    const event = doc.components.schemas.Event
    expect(event.required).toEqual(expect.arrayContaining(eventFieldsSince1))
    expect(event.properties.category.enum).toEqual(['daily-life', 'public-services', 'industry', 'new-products'])
    expect(event.properties.availability.enum).toEqual(['open', 'few-left', 'waitlist', 'full', 'not-yet-open', 'closed', 'ended', 'cancelled'])
    expect(doc.components.schemas.RegistrationResult.required).toEqual(expect.arrayContaining(bookingFieldsSince1))
    expect(doc.paths['/api/events'].get.responses[200].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/EventPage' })
  })

  it('describes the real responses of the public API exactly', async () => {
    const resident = new ApiClient(baseURL)
    const list = (await resident.get('/api/events?pageSize=5')).json
    expect(list.items.length).toBeGreaterThan(0)
    expectExactly('EventPage', list)
    expectExactly('EventDetail', (await resident.get(`/api/events/${list.items[0].slug}`)).json)
    expectExactly('VenuePage', (await resident.get('/api/venues?pageSize=3')).json)
    expectExactly('City', (await resident.get('/api/city')).json)
    const courses = (await resident.get('/api/courses')).json
    expect(courses.items.length).toBeGreaterThan(0)
    expectExactly('CoursePage', courses)
    const course = (await resident.get(`/api/courses/${courses.items[0].slug}`)).json
    expectExactly('CourseDetail', course)
    expectExactly('Lesson', (await resident.get(`/api/courses/${course.slug}/lessons/${course.lessons[0].slug}`)).json)
    expectExactly('Health', (await resident.get('/api/health')).json)

    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const { id, slug } = await publishedEvent(organizer)
    const phone = mobile()
    const booked = await resident.post(`/api/events/${slug}/registrations`, { name: '王秀英', phone, partySize: 2, consent: true })
    expect(booked.status).toBe(201)
    expectExactly('RegistrationResult', booked.json)
    const proof = { phone, code: booked.json.code }
    expectExactly('Registration', (await resident.post('/api/registrations/lookup', proof)).json)
    expectExactly('Registration', (await resident.get(`/api/tickets/${booked.json.ticketToken}`)).json)
    expectExactly('Registration', (await resident.post('/api/registrations/change', { ...proof, partySize: 1 })).json)
    // MyData, MyDataErased and VerificationConfirmed need a code from an SMS sink: tests/e2e/trust/verification.test.ts.
    expectExactly('VerificationRequested', (await resident.post('/api/verifications', { phone, purpose: 'my-data' })).json)

    expectExactly('OrganizerEventList', (await organizer.get('/api/organizer/events')).json)
    expectExactly('OrganizerEventDetail', (await organizer.get(`/api/organizer/events/${id}`)).json)
    expectExactly('OrganizerRegistrations', (await organizer.get(`/api/organizer/events/${id}/registrations`)).json)
    expectExactly('OrganizerNotifications', (await organizer.get(`/api/organizer/events/${id}/notifications`)).json)
    expectExactly('MyOrganisation', (await organizer.get('/api/organizer/organisation')).json)
    expectExactly('CheckInResult', (await organizer.post(`/api/organizer/events/${id}/check-ins`, { code: booked.json.code })).json)
    expectExactly('RevealResult', (await organizer.post(`/api/organizer/events/${id}/reveal`, { registrationCode: booked.json.code, reason: 'to call about the new room' })).json)
    const walkIn = await organizer.post(`/api/organizer/events/${id}/walk-ins`, { name: '李建国', phone: mobile(), partySize: 1, consent: true })
    expect(walkIn.status).toBe(201)
    expectExactly('WalkInResult', walkIn.json)
    expectExactly('OrganizerEventRef', (await organizer.post(`/api/organizer/events/${id}/duplicate`)).json)

    const second = (await resident.post(`/api/events/${slug}/registrations`, { name: '张伟', phone: mobile(), partySize: 1, consent: true })).json
    expectExactly('ReleaseResult', (await resident.post(`/api/tickets/${second.ticketToken}/release`)).json)
  })
})
