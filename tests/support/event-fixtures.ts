import type { ApiClient } from './session'

const HOUR = 3_600_000
let counter = 0

/** A published event created through the organizer API, open for booking now. */
export async function publishedEvent(organizer: ApiClient, overrides: Record<string, unknown> = {}) {
  const now = Date.now()
  const slug = `test-${now.toString(36)}-${++counter}`
  const created = await organizer.post('/api/organizer/events', {
    slug,
    title: { zh: '测试：手机支付小课堂', en: 'Test: mobile payment class' },
    summary: { zh: '学会安全地用手机付款', en: 'Learn to pay safely by phone' },
    description: { zh: '**带上手机**\n\n<script>alert(1)</script>\n\n[点我](javascript:alert(1))', en: '**Bring your phone**' },
    startsAt: new Date(now + 72 * HOUR).toISOString(),
    endsAt: new Date(now + 74 * HOUR).toISOString(),
    venueCode: 'heping-telecom-experience-centre',
    district: 'heping',
    category: 'daily-life',
    audience: ['older-people'],
    format: 'onsite',
    capacity: 5,
    maxPartySize: 4,
    bookingOpensAt: new Date(now - HOUR).toISOString(),
    bookingClosesAt: new Date(now + 70 * HOUR).toISOString(),
    ...overrides,
  })
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`)
  const published = await organizer.post(`/api/organizer/events/${created.json.id}/publish`)
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${published.text}`)
  return { id: created.json.id as string, slug }
}

let phoneCounter = 0
/** A fresh valid mobile number per call, written the way people type them. */
export const mobile = () => `+86 139-${String(Date.now() % 10_000).padStart(4, '0')}-${String(++phoneCounter).padStart(4, '0')}`
