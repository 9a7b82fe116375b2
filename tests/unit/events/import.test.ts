// test-clock: times are built from a fixed `now` passed in; nothing depends on today.
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { importColumns, type ImportColumnKey } from '#shared/events/import'
import { checkImportRow, importTime, type ImportCells, type ImportRefs } from '~~/server/events/import-check'
import { decodeCsv, readImportFile } from '~~/server/events/import-read'
import { organizerT } from '~~/server/events/organizer-i18n'

const t = organizerT('zh-CN')
const NOW = '2030-03-01T00:00:00.000Z'
const refs = (): ImportRefs => ({
  venues: [
    { id: 'v1', code: 'heping-centre', name_zh: '和平区体验中心', name_en: 'Heping Centre', district_code: 'heping' },
    { id: 'v2', code: 'hexi-library', name_zh: '河西区图书馆', name_en: 'Hexi Library', district_code: 'hexi' },
  ],
  districts: [{ code: 'heping', name_zh: '和平区', name_en: 'Heping' }, { code: 'hexi', name_zh: '河西区', name_en: 'Hexi' }],
  labels: {
    categories: { 'daily-life': ['生活服务', 'Daily life'], 'public-services': ['公共服务'], 'industry': ['行业应用'], 'new-products': ['新型信息产品'] },
    audiences: { 'older-people': ['老年人', 'Older people'], 'farmers': ['农民'], 'migrant-workers': ['外来务工人员'], 'students': ['学生'], 'everyone': ['所有居民'] },
    formats: { onsite: ['现场参加'], online: ['线上参加'] },
  },
  slugs: new Set(['shou-ji-ke']),
  existing: new Map([['OLD-1', { id: 'e-old', slug: 'old-class', confirmed_places: 12, status: 'published' }]]),
  now: NOW,
})

const good = (n: number): ImportCells => ({
  externalId: `HX-${n}`, titleZh: '手机课', summaryZh: '学用手机', descriptionZh: '带上手机', startsAt: '2030-03-10 09:30', endsAt: '2030-03-10 11:00',
  venue: '河西区图书馆', category: '生活服务', audience: '老年人、学生', capacity: '30',
})

/** A dozen ways a row goes wrong, each with what the organiser is told. */
const bad: [string, ImportCells, string[]][] = [
  ['unknown venue and times the wrong way round', { ...good(0), venue: 'hexi-lib', startsAt: '2030-03-10 12:00' }, ['场地代码 “hexi-lib” 不存在', '开始时间 晚于 结束时间']],
  ['no title', { ...good(0), titleZh: ' ' }, ['活动名称 没有填写']],
  ['not a time', { ...good(0), endsAt: '下午三点' }, ['结束时间 “下午三点” 不是时间，请写成 2026-12-08 09:30']],
  ['a day that does not exist', { ...good(0), startsAt: '2030-02-30 09:00' }, ['开始时间 “2030-02-30 09:00” 不是时间，请写成 2026-12-08 09:30']],
  ['unknown category', { ...good(0), category: '娱乐' }, ['活动类别 “娱乐” 不是可选值（见模板的“可选值”表）']],
  ['unknown audience', { ...good(0), audience: '老年人、外星人' }, ['适合人群 “外星人” 不是可选值（见模板的“可选值”表）']],
  ['no places', { ...good(0), capacity: '0' }, ['名额 “0” 要填 1 到 5000 之间的整数']],
  ['places in words', { ...good(0), capacity: '三十' }, ['名额 “三十” 要填 1 到 5000 之间的整数']],
  ['a web address with capitals and spaces', { ...good(0), slug: 'Phone Class' }, ['网址名称 “Phone Class” 只能用小写英文字母、数字和连字符']],
  ['a web address in use', { ...good(0), slug: 'shou-ji-ke' }, ['网址名称 “shou-ji-ke” 已经被别的活动用了']],
  ['venue in another district', { ...good(0), district: '和平区' }, ['场地 “河西区图书馆” 不在 和平区']],
  ['on site without a venue', { ...good(0), venue: '' }, ['现场参加的活动要填写场地代码']],
  ['booking closes before it opens', { ...good(0), bookingOpensAt: '2030-03-05 09:00', bookingClosesAt: '2030-03-04 09:00' }, ['截止报名时间 早于 开始报名时间']],
  ['fewer places than booked on the event it updates', { ...good(0), externalId: 'OLD-1', capacity: '10' }, ['名额 不能少于已经报名的 12 人']],
]

function checkAll(rows: ImportCells[]) {
  const r = refs()
  const seen = new Map<string, number>()
  const claimed = new Set<string>()
  return rows.map((cells, i) => checkImportRow(cells, i + 2, r, t, seen, claimed))
}

describe('checking an import', () => {
  it('checks 500 rows with a dozen kinds of bad row quickly, naming every problem by its column', () => {
    const rows: ImportCells[] = Array.from({ length: 500 }, (_, i) => good(i + 1))
    const at = bad.map((_, k) => 3 + k * 37)
    bad.forEach(([, cells], k) => (rows[at[k]!] = { ...cells, externalId: cells.externalId === 'OLD-1' ? 'OLD-1' : `BAD-${k}` }))
    const started = performance.now()
    const checked = checkAll(rows)
    expect(performance.now() - started).toBeLessThan(2000)
    bad.forEach(([what, , errors], k) => expect(checked[at[k]!]!.errors, what).toEqual(errors))
    expect(checked.filter(r => r.errors.length)).toHaveLength(bad.length)
    // Good rows become events: the same title gets its own free web address each time.
    const ok = checked.filter(r => !r.errors.length)
    expect(new Set(ok.map(r => r.input!.slug)).size).toBe(ok.length)
    expect(ok[0]!.input!.slug).toBe('shou-ji-ke-2')
    expect(ok[0]!.input).toMatchObject({ district: 'hexi', venueCode: 'hexi-library', audience: ['older-people', 'students'], category: 'daily-life', maxPartySize: 4 })
    expect(ok[0]!.input!.startsAt).toBe('2030-03-10T01:30:00.000Z')
    // Booking opens now and closes when the event starts, unless the sheet says otherwise.
    expect(ok[0]!.input!.bookingOpensAt).toBe(NOW)
    expect(ok[0]!.input!.bookingClosesAt).toBe('2030-03-10T01:30:00.000Z')
  })

  it('refuses the same 外部编号 twice in one sheet, and updates the event imported before under it', () => {
    const [first, second, update] = checkAll([good(1), good(1), { ...good(2), externalId: 'OLD-1', capacity: '40' }])
    expect(first!.errors).toEqual([])
    expect(second!.errors).toEqual(['外部编号 “HX-1” 和第 2 行重复'])
    expect(update!.existingId).toBe('e-old')
    expect(update!.input!.slug).toBe('old-class')
  })

  it('takes codes, Chinese and English names alike, and online events without a venue', () => {
    const [row] = checkAll([{ ...good(1), venue: '', district: 'Heping', format: '线上', category: 'public-services', audience: 'Older people' }])
    expect(row!.errors).toEqual([])
    expect(row!.input).toMatchObject({ format: 'online', venueCode: null, district: 'heping', category: 'public-services', audience: ['older-people'] })
  })

  it('reads times as Beijing time, from text or a date cell', () => {
    expect(importTime('2030-03-10 09:30')).toBe('2030-03-10T01:30:00.000Z')
    expect(importTime('2030/3/1 8:05')).toBe('2030-03-01T00:05:00.000Z')
    expect(importTime(new Date(Date.UTC(2030, 2, 10, 9, 30)))).toBe('2030-03-10T01:30:00.000Z')
    expect(importTime('2030-03-10 24:00')).toBeUndefined()
  })
})

const header = importColumns.map(c => c.header)
const sample = (cells: ImportCells) => importColumns.map(c => String(cells[c.key as ImportColumnKey] ?? ''))

describe('reading the file', () => {
  it('reads a workbook by its Chinese headers, in any column order, dates as date cells', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('活动')
    sheet.addRow([...header].reverse())
    const row = sample(good(1)).reverse()
    row[header.length - 1 - header.indexOf('开始时间')] = new Date(Date.UTC(2030, 2, 10, 9, 30)) as unknown as string
    sheet.addRow(row)
    sheet.addRow([])
    const rows = await readImportFile(new Uint8Array(await workbook.xlsx.writeBuffer()), 10)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.row).toBe(2)
    expect(rows[0]!.cells.titleZh).toBe('手机课')
    expect(importTime(rows[0]!.cells.startsAt)).toBe('2030-03-10T01:30:00.000Z')
  })

  it('reads CSV saved by Excel in China (GB18030) as well as UTF-8 with a BOM', async () => {
    const csv = `${header.join(',')}\r\n${sample(good(1)).join(',')}\r\n`
    const gb = iconv.encode(csv, 'gb18030')
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow() // really not UTF-8
    expect(decodeCsv(gb)).toBe(csv)
    for (const bytes of [gb, Buffer.from(`\uFEFF${csv}`, 'utf8')]) {
      const rows = await readImportFile(new Uint8Array(bytes), 10)
      expect(rows[0]!.cells).toMatchObject({ titleZh: '手机课', venue: '河西区图书馆', audience: '老年人、学生' })
    }
  })

  it('says which columns are missing, and refuses too many rows', async () => {
    await expect(readImportFile(new Uint8Array(Buffer.from('活动名称,名额\r\n手机课,30\r\n')), 10)).rejects.toMatchObject({ problem: 'missingColumns' })
    const csv = `${header.join(',')}\r\n${Array.from({ length: 3 }, () => sample(good(1)).join(',')).join('\r\n')}`
    await expect(readImportFile(new Uint8Array(Buffer.from(csv)), 2)).rejects.toMatchObject({ problem: 'tooManyRows' })
  })
})
