import jsQR from 'jsqr'
import sharp from 'sharp'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const resident = new ApiClient(baseURL)
const organizer = new ApiClient(baseURL)
const HOUR = 3_600_000

beforeAll(async () => {
  await organizer.login('organizer@demo.local')
})

/** Reads a QR code the way a phone would: the picture's pixels through an independent decoder. */
async function decode(image: Buffer, density?: number) {
  const { data, info } = await sharp(image, density ? { density } : {}).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data
}
const decodeSvg = (svg: string) => decode(Buffer.from(svg), 300)

async function picture(path: string) {
  const res = await fetch(`${baseURL}${path}`)
  const body = Buffer.from(await res.arrayBuffer())
  return { res, body, meta: res.status === 200 ? await sharp(body).metadata() : undefined }
}

async function expectSharePicture(path: string, url: string) {
  const { res, body, meta } = await picture(path)
  expect(res.status, path).toBe(200)
  expect(res.headers.get('content-type')).toBe('image/png')
  expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
  expect(meta?.format).toBe('png')
  expect(meta?.width).toBe(1080)
  expect(await decode(body)).toBe(url)
}

describe('an event\'s poster', () => {
  it('carries a QR code that reads back as the event\'s page, and the address to type', async () => {
    const { slug } = await publishedEvent(organizer)
    const { status, json } = await resident.get(`/api/events/${slug}/poster`)
    expect(status).toBe(200)
    expect(json.url).toBe(`${baseURL}/events/${slug}`)
    expect(json.address).toBe(json.url.replace(/^http:\/\//, ''))
    expect(json.qrSvg).toMatch(/^<svg /)
    expect(await decodeSvg(json.qrSvg)).toBe(`${baseURL}/events/${slug}`)
  })

  it('has a share picture: a PNG 1080 px wide whose QR code leads to the event, in either language', async () => {
    const { slug } = await publishedEvent(organizer)
    await expectSharePicture(`/api/events/${slug}/share.png`, `${baseURL}/events/${slug}`)
    await expectSharePicture(`/api/events/${slug}/share.png?lang=en`, `${baseURL}/events/${slug}`)
  })

  it('is 404 for an event that does not exist, and 400 for a language it does not know', async () => {
    expect((await resident.get('/api/events/no-such-event/poster')).status).toBe(404)
    expect((await picture('/api/events/no-such-event/share.png')).res.status).toBe(404)
    const { slug } = await publishedEvent(organizer)
    expect((await picture(`/api/events/${slug}/share.png?lang=fr`)).res.status).toBe(400)
  })
})

describe('a course\'s poster', () => {
  it('leads to the course\'s page, in the QR code and in its share picture', async () => {
    const { status, json } = await resident.get('/api/courses/pay-by-phone-safely/poster')
    expect(status).toBe(200)
    expect(await decodeSvg(json.qrSvg)).toBe(`${baseURL}/courses/pay-by-phone-safely`)
    await expectSharePicture('/api/courses/pay-by-phone-safely/share.png', `${baseURL}/courses/pay-by-phone-safely`)
    expect((await resident.get('/api/courses/no-such-course/poster')).status).toBe(404)
  })
})

describe('a district\'s poster', () => {
  it('lists its events of the next seven days, soonest first, and leads to its events list', async () => {
    // Starts within the hour, so it is among the first on the sheet however many events the suite has made.
    const now = Date.now()
    const soon = await publishedEvent(organizer, { startsAt: new Date(now + HOUR / 2).toISOString(), endsAt: new Date(now + HOUR).toISOString(), bookingClosesAt: new Date(now + HOUR / 4).toISOString() })
    const later = await publishedEvent(organizer, { startsAt: new Date(now + 8 * 24 * HOUR).toISOString(), endsAt: new Date(now + 8 * 24 * HOUR + HOUR).toISOString(), bookingClosesAt: new Date(now + 7 * 24 * HOUR).toISOString() })
    const { status, json } = await resident.get('/api/events/poster?district=heping')
    expect(status).toBe(200)
    const slugs = json.events.map((e: { slug: string }) => e.slug)
    expect(slugs).toContain(soon.slug)
    expect(slugs).not.toContain(later.slug)
    expect(json.events.every((e: { district: string }) => e.district === 'heping')).toBe(true)
    const starts = json.events.map((e: { startsAt: string }) => e.startsAt)
    expect(starts).toEqual([...starts].sort())
    expect(await decodeSvg(json.qrSvg)).toBe(`${baseURL}/events?district=heping`)
    await expectSharePicture('/api/events/poster.png?district=heping', `${baseURL}/events?district=heping`)
  })

  it('is 404 for a district the city does not have, 400 without a district', async () => {
    expect((await resident.get('/api/events/poster?district=nowhere')).status).toBe(404)
    expect((await resident.get('/api/events/poster')).status).toBe(400)
  })
})
