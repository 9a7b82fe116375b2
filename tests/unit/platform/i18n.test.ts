import { describe, expect, it } from 'vitest'
import enMain from '../../../shared/i18n/en.json'
import organizerEn from '../../../shared/i18n/organizer-events.en.json'
import organizerZh from '../../../shared/i18n/organizer-events.zh-CN.json'
import zhMain from '../../../shared/i18n/zh-CN.json'
import { negotiateLanguage, pickText } from '../../../shared/i18n/languages'
import { formatDate, formatDateRange, formatDateTime } from '../../../shared/utils/dates'

// As the app loads them (app/plugins/i18n.ts).
const zhCN = { ...zhMain, organizerEvents: organizerZh }
const en = { ...enMain, organizerEvents: organizerEn }

const pluralSuffix = /_(zero|one|two|few|many|other)$/

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(pluralSuffix, '')}`]))
}

function placeholders(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === 'object') placeholders(v, `${prefix}${k}.`).forEach((p, key) => out.set(key, p))
    else out.set(`${prefix}${k.replace(pluralSuffix, '')}`, [...String(v).matchAll(/\{\{(\w+)\}\}/g)].map(m => m[1]).sort().join(','))
  }
  return out
}

describe('locales', () => {
  it('have the same keys in zh-CN and English', () => {
    const zh = new Set(keys(zhCN))
    const english = new Set(keys(en))
    expect([...zh].filter(k => !english.has(k)), 'missing in en.json').toEqual([])
    expect([...english].filter(k => !zh.has(k)), 'missing in zh-CN.json').toEqual([])
  })

  it('use the same placeholders in both languages', () => {
    const zh = placeholders(zhCN)
    const english = placeholders(en)
    const differing = [...zh].filter(([key, p]) => english.get(key) !== p).map(([key]) => key)
    expect(differing).toEqual([])
  })

  it('have no empty strings', () => {
    const empty = (obj: object): boolean => Object.values(obj).some(v => (v && typeof v === 'object' ? empty(v) : String(v).trim() === ''))
    expect(empty(zhCN)).toBe(false)
    expect(empty(en)).toBe(false)
  })
})

describe('language negotiation', () => {
  it.each([
    [undefined, undefined, 'zh-CN'],
    ['en', 'zh-CN,zh;q=0.9', 'en'],
    ['zh-CN', 'en-US', 'zh-CN'],
    ['klingon', 'en-GB,en;q=0.8', 'en'],
    [undefined, 'fr-FR,en;q=0.5,zh;q=0.8', 'zh-CN'],
    [undefined, 'zh-TW', 'zh-CN'],
    [undefined, 'de,fr;q=0.9', 'zh-CN'],
    [undefined, 'en;q=0, zh;q=0.1', 'zh-CN'],
  ])('cookie %s + Accept-Language %s → %s', (cookie, header, expected) => {
    expect(negotiateLanguage(cookie, header)).toBe(expected)
  })

  it('picks text by language', () => {
    expect(pickText({ zh: '天津', en: 'Tianjin' }, 'en')).toBe('Tianjin')
    expect(pickText({ zh: '天津', en: 'Tianjin' }, 'zh-CN')).toBe('天津')
  })
})

describe('dates in Asia/Shanghai', () => {
  it('shows an instant on the city\'s calendar, not the server\'s', () => {
    // 2026-12-06T16:30Z is 00:30 on 7 December in Shanghai.
    expect(formatDateTime('2026-12-06T16:30:00.000Z', 'zh-CN')).toContain('12月7日')
    expect(formatDateTime('2026-12-06T16:30:00.000Z', 'en')).toMatch(/7 December|December 7/)
    expect(formatDateTime('2026-12-06T16:30:00.000Z', 'en')).toContain('00:30')
  })

  it('treats a calendar date as that day in the city', () => {
    expect(formatDate('2026-12-07', 'zh-CN')).toBe('2026年12月7日')
    expect(formatDate('2026-12-07', 'en')).toMatch(/December 7, 2026|7 December 2026/)
    expect(formatDateRange('2026-12-07', '2026-12-13', 'zh-CN')).toBe('2026年12月7日至12月13日')
    expect(formatDateRange('2026-12-07', '2026-12-13', 'en')).toBe('December 7 – December 13, 2026')
  })
})
