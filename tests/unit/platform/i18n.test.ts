// test-clock: the formatters are given their dates; nothing reads the clock.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { languages, negotiateLanguage, pickText } from '#shared/i18n/languages'
import { namespaces } from '#shared/i18n/namespaces'
import { formatDate, formatDateRange, formatDateTime } from '#shared/utils/dates'
import { informalAddress } from '~~/tests/support/resident-words'

type Dictionary = Record<string, unknown>
const root = join(import.meta.dirname, '../../..')
const dir = join(root, 'shared/i18n')
const read = (lang: string, ns: string): Dictionary => JSON.parse(readFileSync(join(dir, lang, `${ns}.json`), 'utf8'))
/** Every namespace of every language, as the app loads them (app/plugins/i18n.ts). */
const dictionaries = Object.fromEntries(languages.map(lang => [lang, Object.fromEntries(namespaces.map(ns => [ns, read(lang, ns)]))])) as Record<string, Record<string, Dictionary>>

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
  it('are one file per namespace in each language, and nothing else', () => {
    for (const lang of languages) {
      expect(readdirSync(join(dir, lang)).sort(), lang).toEqual(namespaces.map(ns => `${ns}.json`).sort())
    }
    expect(readdirSync(dir).filter(f => f.endsWith('.json')), 'no dictionary outside a language folder').toEqual([])
  })

  it.each(namespaces)('%s has the same keys in zh-CN and English', (ns) => {
    const zh = new Set(keys(dictionaries['zh-CN']![ns]!))
    const english = new Set(keys(dictionaries.en![ns]!))
    expect([...zh].filter(k => !english.has(k)), `missing in en/${ns}.json`).toEqual([])
    expect([...english].filter(k => !zh.has(k)), `missing in zh-CN/${ns}.json`).toEqual([])
  })

  it.each(namespaces)('%s uses the same placeholders in both languages', (ns) => {
    const zh = placeholders(dictionaries['zh-CN']![ns]!)
    const english = placeholders(dictionaries.en![ns]!)
    const differing = [...zh].filter(([key, p]) => english.get(key) !== p).map(([key, p]) => `${key}: {{${p}}} vs {{${english.get(key)}}}`)
    expect(differing).toEqual([])
  })

  it('define each top-level group in one namespace only (they share i18next\'s default namespace)', () => {
    for (const lang of languages) {
      const owner = new Map<string, string>()
      const twice: string[] = []
      for (const ns of namespaces) {
        for (const group of Object.keys(dictionaries[lang]![ns]!)) {
          if (owner.has(group)) twice.push(`${group}: ${owner.get(group)} and ${ns}`)
          owner.set(group, ns)
        }
      }
      expect(twice, lang).toEqual([])
    }
  })

  it('address people as 您 (quoted words, and a simulated phone\'s own labels, may say 你)', () => {
    const simulatedScreen = /^coursesSim\.\w+\.(screens\.|destination$)/
    const strings = (obj: object, prefix = ''): Array<[string, string]> => Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? strings(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]]))
    const informal = namespaces.flatMap(ns => strings(dictionaries['zh-CN']![ns]!)
      .filter(([key]) => !simulatedScreen.test(key))
      .flatMap(([key, text]) => informalAddress(text).map(around => `${ns}: ${key}: "${around}"`)))
    expect(informal).toEqual([])
    expect(informalAddress('您填写的内容还在。你的评分已经交上。'), 'control').toHaveLength(1)
  })

  it('have no empty strings', () => {
    const empty = (obj: object): boolean => Object.values(obj).some(v => (v && typeof v === 'object' ? empty(v) : String(v).trim() === ''))
    for (const lang of languages) for (const ns of namespaces) expect(empty(dictionaries[lang]![ns]!), `${lang}/${ns}`).toBe(false)
  })

  it('have every key the app names literally', () => {
    const all = new Set(namespaces.flatMap(ns => keys(dictionaries['zh-CN']![ns]!)))
    const groups = new Set(namespaces.flatMap(ns => Object.keys(dictionaries['zh-CN']![ns]!)))
    const sources = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? sources(join(d, e.name)) : /\.(vue|ts)$/.test(e.name) ? [join(d, e.name)] : []))
    const unknown: string[] = []
    for (const path of sources(join(root, 'app'))) {
      const text = readFileSync(path, 'utf8')
      // t('group.key') and { key: 'group.key' } (menus); only strings that start with a known group, so other dotted strings pass.
      for (const [, key] of text.matchAll(/(?:\bt\(|key: )'([\w-]+(?:\.[\w-]+)+)'/g)) {
        if (groups.has(key!.split('.')[0]!) && !all.has(key!)) unknown.push(`${path.slice(root.length + 1)}: ${key}`)
      }
    }
    expect(unknown).toEqual([])
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
