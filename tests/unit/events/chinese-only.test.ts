// test-clock: fixed instants; the schemas check shapes, never the distance from today.
import { describe, expect, it } from 'vitest'
import { eventCreateBody, eventPatchBody } from '#shared/events/organizer'
import { pickedLanguage, pickText } from '#shared/i18n/languages'
import { slugFromTitle } from '~~/server/events/slug'

const base = {
  venueCode: 'heping-centre', district: 'heping', category: 'daily-life', audience: ['older-people'], format: 'onsite', capacity: 30,
  startsAt: '2026-06-01T10:00:00+08:00', endsAt: '2026-06-01T12:00:00+08:00', bookingOpensAt: '2026-05-01T00:00:00Z', bookingClosesAt: '2026-06-01T00:00:00Z',
}

describe('an event in Chinese only', () => {
  it('is a valid event: English is optional, the slug may be left blank', () => {
    const parsed = eventCreateBody.parse({ ...base, slug: '', title: { zh: '手机支付小课堂' }, summary: { zh: '学会付款' }, description: { zh: '带上手机' }, whatToBring: { zh: '手机' } })
    expect(parsed.title).toEqual({ zh: '手机支付小课堂', en: '' })
    expect(parsed.whatToBring).toEqual({ zh: '手机', en: '' })
    expect(parsed.slug).toBeUndefined()
  })

  it('still needs the Chinese of every content field', () => {
    const result = eventCreateBody.safeParse({ ...base, title: { en: 'Mobile payment' }, summary: { zh: ' ', en: 'Pay' }, description: { zh: '带上手机' } })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map(i => i.path.join('.')).sort()).toEqual(['summary.zh', 'title.zh'])
  })

  it('keeps a typed slug to its pattern, and a patch cannot blank it', () => {
    expect(eventCreateBody.safeParse({ ...base, slug: 'Bad Slug', title: { zh: '课' }, summary: { zh: '课' }, description: { zh: '课' } }).success).toBe(false)
    expect(eventPatchBody.safeParse({ slug: '' }).success).toBe(false)
  })
})

describe('showing a text in English', () => {
  it('falls back to the Chinese where no English was written, and says so', () => {
    expect(pickText({ zh: '手机课', en: '' }, 'en')).toBe('手机课')
    expect(pickedLanguage({ zh: '手机课', en: ' ' }, 'en')).toBe('zh-CN')
    expect(pickText({ zh: '手机课', en: 'Phone class' }, 'en')).toBe('Phone class')
    expect(pickedLanguage({ zh: '手机课', en: 'Phone class' }, 'en')).toBe('en')
    expect(pickText({ zh: '手机课', en: 'Phone class' }, 'zh-CN')).toBe('手机课')
    expect(pickedLanguage({ zh: '手机课', en: '' }, 'zh-CN')).toBe('zh-CN')
  })
})

describe('the web address made from a title', () => {
  it('is the pinyin without tones, digits and Latin kept', () => {
    expect(slugFromTitle('手机支付入门')).toBe('shou-ji-zhi-fu-ru-men')
    expect(slugFromTitle('河西区：防诈骗讲座 第2期')).toBe('he-xi-qu-fang-zha-pian-jiang-zuo-di-2-qi')
    expect(slugFromTitle('5G Phone 课')).toBe('5g-phone-ke')
    expect(slugFromTitle('绿色出行')).toBe('lv-se-chu-xing')
  })

  it('is short, cut between syllables, and never empty', () => {
    const long = slugFromTitle('老年人智能手机使用培训：微信视频通话、健康码、网上挂号、手机支付和防范电信网络诈骗')
    expect(long.length).toBeLessThanOrEqual(50)
    expect(long).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/)
    expect(long.startsWith('lao-nian-ren-zhi-neng-shou-ji')).toBe(true)
    expect(slugFromTitle('！？…')).toBe('event')
  })
})
