import { beforeAll, describe, expect, inject, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

// Helpers (协助人员) book for residents with their consent (issue 25, item 1): over HTTP against the built server.
const baseURL = inject('baseURL')
const organizer = new ApiClient(baseURL)
const admin = new ApiClient(baseURL)
const helper = new ApiClient(baseURL)
let counter = 0
/** A landline unique to this run: area code and 8 digits. */
const landline = () => `024-${String(Date.now() % 10_000).padStart(4, '0')}${String(++counter).padStart(4, '0')}`

beforeAll(async () => {
  await organizer.login('organizer@demo.local')
  await admin.login('admin@demo.local')
  await helper.login('helper@demo.local')
})

/** A second helper, made by an admin like any staff account, for the organisation with `code`. */
async function newHelper(organisationCode: string) {
  const email = `helper-${Date.now().toString(36)}-${++counter}@test.local`
  const created = await admin.post('/api/admin/users', { email, displayName: '另一位协助人员', role: 'helper', organisationCode })
  expect(created.status).toBe(201)
  expect(created.json.user).toMatchObject({ role: 'helper' })
  const client = new ApiClient(baseURL)
  await client.login(email, created.json.initialPassword)
  expect((await client.post('/api/auth/password', { currentPassword: created.json.initialPassword, newPassword: 'another-helper-password' })).status).toBe(200)
  await client.login(email, 'another-helper-password')
  return client
}

describe('a helper books for a resident', () => {
  it('books through the residents\' engine, records who acted for whom and how the resident agreed, and texts a mobile', async () => {
    const { id, slug } = await publishedEvent(organizer)
    const phone = mobile()
    const booked = await helper.post('/api/assisted/registrations', { event: slug, name: '王秀兰', contact: 'mobile', phone, partySize: 2, consent: 'in-person' })
    expect(booked.status).toBe(201)
    expect(booked.json).toMatchObject({ status: 'confirmed', partySize: 2, residentName: '王**', contact: 'mobile', consent: 'in-person' })
    // Never a number in what the helper sees.
    expect(booked.text).not.toContain(phone.replace(/\D/g, '').slice(-8))

    // The same engine: the event's places are taken, and a second booking with that mobile is refused.
    expect((await new ApiClient(baseURL).get(`/api/events/${slug}`)).json.placesLeft).toBe(3)
    const again = await helper.post('/api/assisted/registrations', { event: slug, name: '王秀兰', contact: 'mobile', phone, partySize: 1, consent: 'phone' })
    expect(again.status).toBe(409)
    expect(again.json.data.reason).toBe('duplicate')

    // The resident's text says the station booked it for them.
    const texts = (await organizer.get(`/api/organizer/events/${id}/notifications`)).json.items
    expect(texts.find((n: { code: string }) => n.code === booked.json.code)).toMatchObject({ kind: 'assisted-confirmed' })

    // Their own ticket works as for any booking.
    const ticket = await new ApiClient(baseURL).get(`/api/tickets/${booked.json.ticketToken}`)
    expect(ticket.status).toBe(200)
    expect(ticket.json.code).toBe(booked.json.code)

    // Audited: who acted, for which booking, how consent was given; nothing personal.
    const audit = (await admin.get('/api/admin/audit?action=registration.assisted&pageSize=100')).json.items
    const entry = audit.find((e: { targetId: string }) => e.targetId === booked.json.id)
    expect(entry).toMatchObject({ actorEmail: 'helper@demo.local', actorRole: 'helper', targetType: 'registration', details: { consent: 'in-person', contact: 'mobile', eventId: id, partySize: 2 } })
    expect(JSON.stringify(entry)).not.toContain('王秀兰')
  })

  it('books for a landline or no phone without a text, and a landline cannot book twice', async () => {
    const { id, slug } = await publishedEvent(organizer)
    const line = landline()
    const byLandline = await helper.post('/api/assisted/registrations', { event: slug, name: '李德福', contact: 'landline', phone: line, partySize: 1, consent: 'phone' })
    expect(byLandline.status).toBe(201)
    expect(byLandline.json).toMatchObject({ contact: 'landline', consent: 'phone' })
    expect((await helper.post('/api/assisted/registrations', { event: slug, name: '李德福', contact: 'landline', phone: line, partySize: 1, consent: 'phone' })).status).toBe(409)
    const noPhone = await helper.post('/api/assisted/registrations', { event: slug, name: '赵大爷', contact: 'none', partySize: 1, consent: 'in-person' })
    const noPhone2 = await helper.post('/api/assisted/registrations', { event: slug, name: '钱大妈', contact: 'none', partySize: 1, consent: 'in-person' })
    expect([noPhone.status, noPhone2.status]).toEqual([201, 201])
    const codes = [byLandline.json.code, noPhone.json.code]
    const texts = (await organizer.get(`/api/organizer/events/${id}/notifications`)).json.items as { code: string }[]
    expect(texts.filter(n => codes.includes(n.code))).toEqual([])
    // The organiser's list shows who is coming: the name masked, no number, booked by staff.
    const attendees = (await organizer.get(`/api/organizer/events/${id}/registrations`)).json.items as { code: string }[]
    expect(attendees.find(r => r.code === noPhone.json.code)).toMatchObject({ name: '赵**', phone: '—', source: 'assisted' })
  })

  it('refuses a wrong number, a missing consent or a landline typed as a mobile (422), and a closed event', async () => {
    const { slug } = await publishedEvent(organizer)
    const bad = await helper.post('/api/assisted/registrations', { event: slug, name: '孙阿姨', contact: 'mobile', phone: '12345', partySize: 1, consent: 'in-person' })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.json.data.fieldErrors)).toEqual(['phone'])
    const noConsent = await helper.post('/api/assisted/registrations', { event: slug, name: '孙阿姨', contact: 'none', partySize: 1 })
    expect(noConsent.status).toBe(422)
    expect(Object.keys(noConsent.json.data.fieldErrors)).toContain('consent')
    expect((await helper.post('/api/assisted/registrations', { event: slug, name: '孙阿姨', contact: 'mobile', phone: '024-12345678', partySize: 1, consent: 'phone' })).status).toBe(422)
    expect((await helper.post('/api/assisted/registrations', { event: 'no-such-event', name: '孙阿姨', contact: 'none', partySize: 1, consent: 'phone' })).status).toBe(404)
  })

  it('looks up and cancels the bookings it made (the waiting list moves up), audited, and counts the week', async () => {
    const before = (await helper.get('/api/assisted/week')).json
    const { id, slug } = await publishedEvent(organizer, { capacity: 2 })
    const first = (await helper.post('/api/assisted/registrations', { event: slug, name: '周奶奶', contact: 'mobile', phone: mobile(), partySize: 2, consent: 'in-person' })).json
    const waiting = (await helper.post('/api/assisted/registrations', { event: slug, name: '吴爷爷', contact: 'none', partySize: 1, consent: 'phone' })).json
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })

    const found = await helper.get(`/api/assisted/registrations?code=${first.code}`)
    expect(found.json.items.map((b: { id: string }) => b.id)).toEqual([first.id])
    expect((await helper.get('/api/assisted/registrations')).json.items.slice(0, 2).map((b: { id: string }) => b.id)).toEqual([waiting.id, first.id])
    const slip = await helper.get(`/api/assisted/registrations/${first.id}`)
    expect(slip.json).toMatchObject({ code: first.code, ticketToken: first.ticketToken, organisation: { zh: expect.any(String) } })

    const cancelled = await helper.post(`/api/assisted/registrations/${first.id}/cancel`)
    expect(cancelled.status).toBe(200)
    expect(cancelled.json.status).toBe('cancelled')
    expect((await helper.get(`/api/assisted/registrations/${waiting.id}`)).json.status).toBe('confirmed')
    expect((await helper.post(`/api/assisted/registrations/${first.id}/cancel`)).json.status).toBe('cancelled')
    const audit = (await admin.get('/api/admin/audit?action=registration.assisted-cancel&pageSize=100')).json.items
    expect(audit.filter((e: { targetId: string }) => e.targetId === first.id)).toHaveLength(1)
    expect((await organizer.get(`/api/organizer/events/${id}`)).status).toBe(200)

    const after = (await helper.get('/api/assisted/week')).json
    expect(after.bookings - before.bookings).toBe(2)
    expect(after.residents - before.residents).toBe(2)
    expect(after.cancelled - before.cancelled).toBe(1)
  })
})

describe('what a helper may not do', () => {
  it('gets 403 on organisers\' editing, attendee lists and reveals, admin and the statistics admin', async () => {
    const { id, slug } = await publishedEvent(organizer)
    const { code } = (await helper.post('/api/assisted/registrations', { event: slug, name: '冯叔叔', contact: 'none', partySize: 1, consent: 'in-person' })).json
    const refused = [
      await helper.get('/api/organizer/events'),
      await helper.get(`/api/organizer/events/${id}`),
      await helper.request('PATCH', `/api/organizer/events/${id}`, { capacity: 50 }),
      await helper.get(`/api/organizer/events/${id}/registrations`),
      await helper.get(`/api/organizer/events/${id}/registrations.csv`),
      await helper.post(`/api/organizer/events/${id}/reveal`, { registrationCode: code, reason: '想看看' }),
      await helper.post(`/api/organizer/events/${id}/walk-ins`, { name: '某某', phone: mobile(), partySize: 1, consent: true }),
      await helper.post(`/api/organizer/events/${id}/check-ins`, { code }),
      await helper.get('/api/organizer/organisation'),
      await helper.get('/api/admin/users'),
      await helper.get('/api/admin/audit'),
      await helper.get('/api/admin/statistics'),
      await helper.get('/api/admin/cases'),
      await helper.get('/api/organizer/cases'),
    ]
    expect(refused.map(r => r.status)).toEqual(refused.map(() => 403))
  })

  it('is the only one at its desk: organisers get 403, nobody signed in 401', async () => {
    expect((await organizer.get('/api/assisted/registrations')).status).toBe(403)
    expect((await organizer.post('/api/assisted/registrations', { event: 'x', name: '某', contact: 'none', partySize: 1, consent: 'phone' })).status).toBe(403)
    expect((await admin.get('/api/assisted/week')).status).toBe(403)
    expect((await new ApiClient(baseURL).get('/api/assisted/registrations')).status).toBe(401)
  })

  it('never sees or cancels another helper\'s bookings, in its own organisation or another', async () => {
    const { slug } = await publishedEvent(organizer)
    const mine = (await helper.post('/api/assisted/registrations', { event: slug, name: '郑阿姨', contact: 'none', partySize: 1, consent: 'in-person' })).json
    const organisations = (await admin.get('/api/admin/organisations')).json.items as { code: string, name: { zh: string } }[]
    const own = (await helper.get('/api/auth/me')).json.user
    expect(own).toMatchObject({ role: 'helper', organisationId: expect.any(String) })
    const other = await newHelper(organisations.find(o => o.name.zh !== own.organisationName.zh)!.code)
    expect((await other.get(`/api/assisted/registrations/${mine.id}`)).status).toBe(404)
    expect((await other.post(`/api/assisted/registrations/${mine.id}/cancel`)).status).toBe(404)
    expect((await other.get(`/api/assisted/registrations?code=${mine.code}`)).json.items).toEqual([])
    expect((await helper.get(`/api/assisted/registrations/${mine.id}`)).json.code).toBe(mine.code)
  })

  it('cannot be made without an organisation', async () => {
    const created = await admin.post('/api/admin/users', { email: `nohome-${Date.now()}@test.local`, displayName: '无机构', role: 'helper' })
    expect(created.status).toBe(422)
    expect(Object.keys(created.json.data.fieldErrors)).toContain('organisationCode')
  })
})
