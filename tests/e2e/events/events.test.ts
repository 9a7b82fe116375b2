import { beforeAll, describe, expect, inject, it } from 'vitest'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const resident = new ApiClient(baseURL)
const organizer = new ApiClient(baseURL)
const register = (slug: string, body: Record<string, unknown>) => resident.post(`/api/events/${slug}/registrations`, { consent: true, ...body })

beforeAll(async () => {
  await organizer.login('organizer@demo.local')
})

describe('browsing', () => {
  it('lists a published event with its availability, and filters', async () => {
    const { slug } = await publishedEvent(organizer, { category: 'new-products', audience: ['farmers', 'students'] })
    const list = await resident.get('/api/events?category=new-products&audience=farmers&pageSize=50')
    expect(list.status).toBe(200)
    const item = list.json.items.find((e: { slug: string }) => e.slug === slug)
    expect(item).toMatchObject({ slug, capacity: 5, placesLeft: 5, waitlistLength: 0, bookingOpen: true, availability: 'open', category: 'new-products', audience: ['farmers', 'students'], format: 'onsite' })
    expect(item.startsAt).toMatch(/Z$/)
    const other = await resident.get('/api/events?category=industry&pageSize=50')
    expect(other.json.items.some((e: { slug: string }) => e.slug === slug)).toBe(false)
    expect((await resident.get('/api/events?q=%E6%89%8B%E6%9C%BA%E6%94%AF%E4%BB%98&pageSize=50')).json.items.some((e: { slug: string }) => e.slug === slug)).toBe(true)
    expect((await resident.get('/api/events?category=castles')).status).toBe(400)
  })

  it('renders the description safely', async () => {
    const { slug } = await publishedEvent(organizer)
    const detail = (await resident.get(`/api/events/${slug}`)).json
    expect(detail.descriptionHtml.zh).toContain('<strong>带上手机</strong>')
    expect(detail.descriptionHtml.zh).not.toContain('<script>')
    expect(detail.descriptionHtml.zh).not.toMatch(/href="javascript:/i)
  })

  it('keeps drafts private', async () => {
    const created = await organizer.post('/api/organizer/events', { ...(await draftBody()) })
    expect(created.status).toBe(201)
    expect((await resident.get(`/api/events/${created.json.slug}`)).status).toBe(404)
  })
})

describe('booking', () => {
  it('books households, then puts parties on the waiting list in order, and frees places on cancel', async () => {
    const { slug } = await publishedEvent(organizer, { capacity: 5 })
    const a = { phone: mobile(), name: '王秀英' }
    const first = await register(slug, { ...a, partySize: 2, ageGroup: '70-plus', district: 'heping' })
    expect(first.status).toBe(201)
    expect(first.json).toMatchObject({ status: 'confirmed', partySize: 2 })
    expect(first.json.code).toMatch(/^[ACEFGHJKMNPRTUVWXY34679]{7}$/)
    expect(first.json.ticketToken).not.toContain('王')

    const second = await register(slug, { phone: mobile(), name: '李建国', partySize: 3 })
    expect(second.json.status).toBe('confirmed')
    const third = await register(slug, { phone: mobile(), name: '张淑珍', partySize: 2 })
    const fourth = await register(slug, { phone: mobile(), name: '刘志强', partySize: 1 })
    expect([third.json.status, third.json.waitlistPosition, fourth.json.waitlistPosition]).toEqual(['waitlisted', 1, 2])
    expect((await resident.get(`/api/events/${slug}`)).json).toMatchObject({ placesLeft: 0, waitlistLength: 2, availability: 'waitlist' })

    const cancelled = await resident.post('/api/registrations/cancel', { phone: a.phone, code: first.json.code })
    expect(cancelled.json.status).toBe('cancelled')
    // Two places came free: the first waiting party (2) moves up, then the next (1) does not fit.
    expect((await resident.get(`/api/tickets/${third.json.ticketToken}`)).json.status).toBe('confirmed')
    expect((await resident.get(`/api/tickets/${fourth.json.ticketToken}`)).json).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect((await resident.post('/api/registrations/lookup', { code: third.json.code })).status).toBe(422) // a look-up needs the number too
  })

  it('refuses a second booking for one number, bad fields and oversized parties, with clear answers', async () => {
    const { slug } = await publishedEvent(organizer, { maxPartySize: 2 })
    const phone = mobile()
    expect((await register(slug, { phone, name: '赵凤芝', partySize: 1 })).status).toBe(201)
    const again = await register(slug, { phone: phone.replace(/[^0-9]/g, '').slice(2), name: '赵凤芝', partySize: 1 })
    expect(again.status).toBe(409)
    expect(again.json.data.reason).toBe('duplicate')
    const bad = await register(slug, { phone: '12345', name: '', partySize: 0, consent: false })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.json.data.fieldErrors).sort()).toEqual(['consent', 'name', 'partySize', 'phone'])
    const big = await register(slug, { phone: mobile(), name: '孙德明', partySize: 3 })
    expect(big.status).toBe(422)
    expect(big.json.data.fieldErrors.partySize).toBeDefined()
    expect((await register('no-such-event', { phone: mobile(), name: '孙德明', partySize: 1 })).status).toBe(404)
  })

  it('lets a resident look up, shrink and cancel a booking, and promotes the waiting list atomically', async () => {
    const { slug } = await publishedEvent(organizer, { capacity: 4 })
    const phoneA = mobile()
    const a = (await register(slug, { phone: phoneA, name: '周玉兰', partySize: 4 })).json
    const phoneB = mobile()
    const b = (await register(slug, { phone: phoneB, name: '吴国华', partySize: 2 })).json
    expect(b.status).toBe('waitlisted')

    const lookup = await resident.post('/api/registrations/lookup', { phone: phoneA, code: a.code.toLowerCase() })
    expect(lookup.json).toMatchObject({ code: a.code, status: 'confirmed', partySize: 4, event: { slug } })
    expect((await resident.post('/api/registrations/lookup', { phone: phoneB, code: a.code })).status).toBe(404)

    const shrunk = await resident.post('/api/registrations/change', { phone: phoneA, code: a.code, partySize: 2 })
    expect(shrunk.json).toMatchObject({ partySize: 2, status: 'confirmed' })
    expect((await resident.post('/api/registrations/change', { phone: phoneA, code: a.code, partySize: 3 })).status).toBe(422)
    const bNow = await resident.post('/api/registrations/lookup', { phone: phoneB, code: b.code })
    expect(bNow.json.status).toBe('confirmed')
    expect((await resident.get(`/api/events/${slug}`)).json.placesLeft).toBe(0)
  })

  it('serves a ticket with a QR code and a calendar file, and rejects forged tickets', async () => {
    const { slug } = await publishedEvent(organizer)
    const booking = (await register(slug, { phone: mobile(), name: '徐丽娟', partySize: 1 })).json
    const ticket = await resident.get(`/api/tickets/${booking.ticketToken}`)
    expect(ticket.json).toMatchObject({ code: booking.code, status: 'confirmed', event: { slug } })
    expect(ticket.text).not.toContain('徐')
    const qr = await fetch(`${baseURL}/api/tickets/${booking.ticketToken}/qr.svg`)
    expect(qr.headers.get('content-type')).toContain('image/svg+xml')
    expect(await qr.text()).toContain('<svg')
    const forged = booking.ticketToken.replace(/.$/, (c: string) => (c === '0' ? '1' : '0'))
    expect((await resident.get(`/api/tickets/${forged}`)).status).toBe(404)
    const ics = await fetch(`${baseURL}/api/events/${slug}/calendar.ics`)
    expect(ics.headers.get('content-type')).toContain('text/calendar')
    const text = await ics.text()
    expect(text).toContain('BEGIN:VEVENT')
    expect(text).toContain('BEGIN:VALARM')
  })
})

describe('the outbox and the release link', () => {
  it('queues a confirmation per booking, visible to the organizer, and the reminder link frees the place', async () => {
    const { id, slug } = await publishedEvent(organizer, { capacity: 1 })
    const first = (await register(slug, { phone: mobile(), name: '宋德明', partySize: 1 })).json
    const second = (await register(slug, { phone: mobile(), name: '唐丽娟', partySize: 1 })).json
    const outbox = (await organizer.get(`/api/organizer/events/${id}/notifications`)).json.items
    expect(outbox.map((n: { code: string, kind: string }) => `${n.code}:${n.kind}`).sort()).toEqual([`${first.code}:confirmed`, `${second.code}:waitlisted`].sort())

    const released = await resident.post(`/api/tickets/${first.ticketToken}/release`)
    expect(released.json.status).toBe('cancelled')
    expect((await resident.get(`/api/tickets/${second.ticketToken}`)).json.status).toBe('confirmed')
    const after = (await organizer.get(`/api/organizer/events/${id}/notifications`)).json.items
    expect(after.some((n: { code: string, kind: string }) => n.code === second.code && n.kind === 'promoted')).toBe(true)
    const forged = first.ticketToken.replace(/.$/, (c: string) => (c === '0' ? '1' : '0'))
    expect((await resident.post(`/api/tickets/${forged}/release`)).status).toBe(404)
  })
})

describe('organizers', () => {
  it('see attendees masked, reveal one with a reason (audited), and export CSV with a BOM', async () => {
    const { id, slug } = await publishedEvent(organizer)
    const phone = mobile()
    const booking = (await register(slug, { phone, name: '欧阳娜娜', partySize: 2 })).json
    const list = await organizer.get(`/api/organizer/events/${id}/registrations`)
    const row = list.json.items.find((r: { code: string }) => r.code === booking.code)
    expect(row.name).toBe('欧***')
    expect(row.phone).toMatch(/^\*{7}\d{4}$/)
    expect(list.text).not.toContain('欧阳娜娜')

    expect((await organizer.post(`/api/organizer/events/${id}/reveal`, { registrationCode: booking.code, reason: '' })).status).toBe(422)
    const revealed = await organizer.post(`/api/organizer/events/${id}/reveal`, { registrationCode: booking.code, reason: '活动改时间，电话通知' })
    expect(revealed.json).toEqual({ name: '欧阳娜娜', phone: phone.replace(/\D/g, '').slice(2) })

    const csv = await fetch(`${baseURL}/api/organizer/events/${id}/registrations.csv`, { headers: { cookie: organizer.cookie } })
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xEF, 0xBB, 0xBF]) // the BOM Excel needs
    const body = new TextDecoder().decode(bytes)
    expect(body).toContain('欧***')
    expect(body).not.toContain('欧阳娜娜')
    expect((await organizer.get(`/api/organizer/events/${id}/registrations.csv?reveal=1`)).status).toBe(400)
    // A reveal is never a GET: a link on a foreign page cannot trigger it, reason or not.
    expect((await organizer.get(`/api/organizer/events/${id}/registrations.csv?reveal=1&reason=${encodeURIComponent('攻击者写的理由')}`)).status).toBe(400)
    expect((await organizer.post(`/api/organizer/events/${id}/registrations.csv`, { reason: '' })).status).toBe(422)
    // A form on a foreign page cannot post it either (the session cookie is SameSite=Lax, and the origin is checked).
    expect((await organizer.request('POST', `/api/organizer/events/${id}/registrations.csv`, 'reason=%E6%94%BB%E5%87%BB%E8%80%85%E5%86%99%E7%9A%84%E7%90%86%E7%94%B1', { 'content-type': 'application/x-www-form-urlencoded', 'origin': 'https://evil.test' })).status).toBe(403)
    // The attendees page posts it as a plain form (works without JavaScript).
    const form = await organizer.request('POST', `/api/organizer/events/${id}/registrations.csv`, `reason=${encodeURIComponent('表单核对名单')}`, { 'content-type': 'application/x-www-form-urlencoded', 'origin': new URL(baseURL).origin })
    expect(form.status).toBe(200)
    expect(form.headers.get('content-disposition')).toContain('-full.csv')
    expect(form.text).toContain('欧阳娜娜')
    const full = await organizer.post(`/api/organizer/events/${id}/registrations.csv`, { reason: '核对签到名单' })
    expect(full.status).toBe(200)
    expect(full.text).toContain('欧阳娜娜')

    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    const audit = await admin.get('/api/admin/audit?action=pii.reveal&pageSize=100')
    expect(audit.json.items.some((e: { reason: string, actorEmail: string }) => e.reason === '活动改时间，电话通知' && e.actorEmail === 'organizer@demo.local')).toBe(true)
    expect(audit.json.items.some((e: { reason: string, targetType: string }) => e.reason === '核对签到名单' && e.targetType === 'event-attendees')).toBe(true)
    expect(audit.json.items.some((e: { reason: string }) => e.reason === '攻击者写的理由')).toBe(false)
  })

  it('check people in by code or QR token, once per party, and add walk-ins into free places', async () => {
    const { id, slug } = await publishedEvent(organizer, { capacity: 3 })
    const a = (await register(slug, { phone: mobile(), name: '马永生', partySize: 2 })).json
    const b = (await register(slug, { phone: mobile(), name: '罗春梅', partySize: 2 })).json
    expect(b.status).toBe('waitlisted')
    const first = await organizer.post(`/api/organizer/events/${id}/check-ins`, { code: a.code })
    expect(first.json).toMatchObject({ partySize: 2, alreadyCheckedIn: false, name: '马**' })
    const again = await organizer.post(`/api/organizer/events/${id}/check-ins`, { ticketToken: a.ticketToken })
    expect(again.json).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.json.checkedInAt })
    expect((await organizer.post(`/api/organizer/events/${id}/check-ins`, { code: b.code })).status).toBe(409)
    const walkIn = await organizer.post(`/api/organizer/events/${id}/walk-ins`, { name: '高德明', phone: mobile(), partySize: 1, consent: true })
    expect(walkIn.status).toBe(201)
    expect((await organizer.post(`/api/organizer/events/${id}/walk-ins`, { name: '何建国', phone: mobile(), partySize: 1, consent: true })).status).toBe(409)
    const list = await organizer.get(`/api/organizer/events/${id}/registrations`)
    expect(list.json.event).toMatchObject({ checkedInPlaces: 3, confirmedPlaces: 3 })
  })

  it('add a venue of their own and hold an event there', async () => {
    const venue = await organizer.post('/api/organizer/venues', {
      name: { zh: '西营门街道便民服务站', en: 'Xiyingmen Subdistrict Service Station' }, kind: 'community-station', district: 'xiqing',
      address: { zh: '西青区西营门街道', en: 'Xiyingmen Subdistrict, Xiqing District' }, openingHours: { zh: '工作日 9:00–17:00', en: 'Weekdays 9:00–17:00' },
      access: { stepFree: true, hearingLoop: false, parking: true },
    })
    expect(venue.status).toBe(201)
    const listed = (await resident.get('/api/venues?district=xiqing&pageSize=50')).json.items
    expect(listed.some((v: { code: string }) => v.code === venue.json.code)).toBe(true)
    const { slug } = await publishedEvent(organizer, { venueCode: venue.json.code, district: 'xiqing' })
    expect((await resident.get(`/api/events/${slug}`)).json.venue.name.zh).toBe('西营门街道便民服务站')
    expect((await organizer.post('/api/organizer/venues', { name: { zh: 'x', en: 'x' } })).status).toBe(422)
  })

  it('raise capacity (the waiting list moves up) but cannot lower it below confirmed places', async () => {
    const { id, slug } = await publishedEvent(organizer, { capacity: 2 })
    await register(slug, { phone: mobile(), name: '林桂兰', partySize: 2 })
    const waiting = (await register(slug, { phone: mobile(), name: '郭志强', partySize: 2 })).json
    expect((await organizer.request('PATCH', `/api/organizer/events/${id}`, { capacity: 1 })).status).toBe(422)
    expect((await organizer.request('PATCH', `/api/organizer/events/${id}`, { capacity: 4 })).status).toBe(200)
    const ticket = await resident.get(`/api/tickets/${waiting.ticketToken}`)
    expect(ticket.json.status).toBe('confirmed')
  })

  it('cannot touch another organisation\'s event, and a cancelled event takes no bookings', async () => {
    const { id, slug } = await publishedEvent(organizer)
    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    const email = `lib-${Date.now()}@example.org`
    const { initialPassword } = (await admin.post('/api/admin/users', { email, displayName: '图书馆', role: 'organizer', organisationCode: 'tianjin-library' })).json
    const other = new ApiClient(baseURL)
    await other.login(email, initialPassword)
    await other.post('/api/auth/password', { currentPassword: initialPassword, newPassword: 'library passphrase' })
    for (const path of ['registrations', 'registrations.csv', 'registrations.xlsx', 'notifications']) expect((await other.get(`/api/organizer/events/${id}/${path}`)).status).toBe(403)
    for (const path of ['registrations.csv', 'registrations.xlsx']) expect((await other.post(`/api/organizer/events/${id}/${path}`, { reason: '看看别的单位的名单' })).status).toBe(403)
    expect((await other.request('PATCH', `/api/organizer/events/${id}`, { capacity: 50 })).status).toBe(403)
    expect((await other.post(`/api/organizer/events/${id}/check-ins`, { code: 'AAAAAAA' })).status).toBe(403)
    expect((await other.get('/api/organizer/events')).json.items.some((e: { id: string }) => e.id === id)).toBe(false)

    expect((await organizer.post(`/api/organizer/events/${id}/cancel`)).status).toBe(200)
    expect((await resident.get(`/api/events/${slug}`)).json.availability).toBe('cancelled')
    const late = await register(slug, { phone: mobile(), name: '胡淑珍', partySize: 1 })
    expect(late.status).toBe(410)
  })
})

async function draftBody() {
  const now = Date.now()
  return {
    slug: `draft-${now.toString(36)}`, title: { zh: '草稿', en: 'Draft' }, summary: { zh: '草稿', en: 'Draft' }, description: { zh: '草稿', en: 'Draft' },
    startsAt: new Date(now + 86_400_000).toISOString(), endsAt: new Date(now + 90_000_000).toISOString(), venueCode: null, district: 'heping',
    category: 'public-services', audience: ['everyone'], format: 'online', capacity: 100, bookingOpensAt: new Date(now).toISOString(), bookingClosesAt: new Date(now + 80_000_000).toISOString(),
  }
}
