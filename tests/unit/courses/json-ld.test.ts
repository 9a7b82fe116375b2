// test-clock: the class's time is given to the builder as it is; nothing reads the clock.
import { describe, expect, it } from 'vitest'
import { courseJsonLd } from '#shared/courses/json-ld'
import type { CourseDetail } from '#shared/courses/views'
import { expandJsonLd, prop, typeOf, type Expanded } from '~~/tests/support/json-ld'

const l = (zh: string, en: string) => ({ zh, en })
const course = {
  slug: 'pay-by-phone-safely', topic: 'mobile-payment', audiences: ['older-people'], level: 'first-steps',
  title: l('安全用手机付钱', 'Paying by phone safely'), summary: l('一步一步学扫码付钱。', 'Learn to pay by scanning, step by step.'),
  lessonCount: 3, minutes: 30, learn: [], lessons: [],
  upcomingEvents: [{ slug: 'heping-mobile-payment', title: l('手机支付小课堂', 'Mobile payment class'), startsAt: '2026-06-01T02:00:00.000Z', district: 'heping', districtName: l('和平区', 'Heping District') }],
} as unknown as CourseDetail
const context = { url: 'https://portal.example.gov.cn/courses/pay-by-phone-safely', image: 'https://portal.example.gov.cn/api/courses/pay-by-phone-safely/share.png', lang: 'zh-CN' as const, provider: l('组委会办公室', 'Office'), origin: 'https://portal.example.gov.cn' }

function checkCourse(node: Expanded) {
  expect(typeOf(node)).toEqual(['Course'])
  // schema.org Course as search engines read it: name, description and provider (an Organization with a name).
  for (const p of ['name', 'description', 'provider']) expect(prop(node, p), p).toBeDefined()
  const provider = prop(node, 'provider') as Expanded
  expect(typeOf(provider)).toEqual(['Organization'])
  expect(prop(provider, 'name')).toBeTruthy()
  // Each instance: a mode, and a workload or a start.
  for (const instance of (node['https://schema.org/hasCourseInstance'] ?? []) as unknown as Expanded[]) {
    expect(typeOf(instance)).toEqual(['CourseInstance'])
    expect(prop(instance, 'courseMode')).toBeDefined()
    expect(prop(instance, 'courseWorkload') ?? prop(instance, 'startDate')).toBeDefined()
  }
}

describe('a course as schema.org JSON-LD', () => {
  it('expands (offline) to a free Course with its provider, online at any time and each linked class in person', async () => {
    const [node] = await expandJsonLd(courseJsonLd(course, context))
    checkCourse(node!)
    expect(prop(node!, 'name')).toBe('安全用手机付钱')
    expect(prop(node!, 'isAccessibleForFree')).toBe(true)
    expect(prop(node!, 'timeRequired')).toBe('PT30M')
    const instances = node!['https://schema.org/hasCourseInstance'] as unknown as Expanded[]
    expect(instances.map(i => prop(i, 'courseMode'))).toEqual(['online', 'onsite'])
    expect(prop(instances[1]!, 'url')).toBe('https://portal.example.gov.cn/events/heping-mobile-payment')
  })

  it('is caught without a provider (the check\'s control)', async () => {
    const { provider: _provider, ...broken } = courseJsonLd(course, context)
    const [node] = await expandJsonLd(broken)
    expect(() => checkCourse(node!)).toThrow()
  })
})
