import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import { importColumns } from '#shared/events/import'
import { eventAudiences, eventCategories, eventFormats } from '#shared/events/vocabulary'
import { dictionaries } from '#shared/i18n/dictionaries'
import type { Language } from '#shared/i18n/languages'
import type { Database } from '~~/server/database/schema'
import { beijingTime } from './attendee-export'
import { organizerT } from './organizer-i18n'

const DAY = 86_400_000

/** One filled-in row, at a real venue of the city, a week from now. */
async function exampleRow(db: Kysely<Database>, citySlug: string, now: number): Promise<string[]> {
  const venue = await db.selectFrom('venues').select(['code', 'district_code']).where('city_slug', '=', citySlug).orderBy('code').executeTakeFirst()
  const day = beijingTime(new Date(now + 7 * DAY).toISOString()).slice(0, 10)
  const example: Record<string, string> = {
    externalId: 'HP-001', titleZh: '手机支付入门', summaryZh: '学会用手机安全地付款', descriptionZh: '老师一步一步教，带上自己的手机。',
    whatToBringZh: '手机、身份证', startsAt: `${day} 09:30`, endsAt: `${day} 11:00`, format: '现场参加',
    venue: venue?.code ?? '', district: venue?.district_code ?? '', category: '付款、出行和购物', audience: '老年人、所有居民', capacity: '30', maxPartySize: '4',
  }
  return importColumns.map(c => example[c.key] ?? '')
}

/** The choices sheet: venue codes (with their districts), districts, categories, audiences and formats. */
async function choices(db: Kysely<Database>, citySlug: string, lang: Language): Promise<string[][]> {
  const t = organizerT(lang)
  const common = dictionaries['zh-CN'].common as Record<string, Record<string, string>>
  const [venues, districts] = await Promise.all([
    db.selectFrom('venues').select(['code', 'name_zh', 'district_code']).where('city_slug', '=', citySlug).orderBy('district_code').orderBy('code').execute(),
    db.selectFrom('districts').select(['code', 'name_zh']).where('city_slug', '=', citySlug).orderBy('sort_order').execute(),
  ])
  const districtName = new Map(districts.map(d => [d.code, d.name_zh]))
  return [
    [t('organizerEvents.import.choicesKind'), t('organizerEvents.import.choicesCode'), t('organizerEvents.import.choicesName'), t('organizerEvents.import.choicesDistrict')],
    ...venues.map(v => [t('organizerEvents.import.kindVenue'), v.code, v.name_zh, districtName.get(v.district_code) ?? v.district_code]),
    ...districts.map(d => [t('organizerEvents.import.kindDistrict'), d.code, d.name_zh, '']),
    ...eventCategories.map(c => [t('organizerEvents.import.kindCategory'), c, common.categories![c]!, '']),
    ...eventAudiences.map(a => [t('organizerEvents.import.kindAudience'), a, common.audiences![a]!, '']),
    ...eventFormats.map(f => [t('organizerEvents.import.kindFormat'), f, common.formats![f]!, '']),
  ]
}

/** The template as a workbook: the events sheet (Chinese headers, every column text, one example) and the choices. */
export async function templateXlsx(db: Kysely<Database>, citySlug: string, lang: Language, now = Date.now()): Promise<Buffer> {
  const t = organizerT(lang)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(t('organizerEvents.import.sheetEvents'), { views: [{ state: 'frozen', ySplit: 1 }] })
  // Text columns, so Excel keeps 外部编号 like 001 and times exactly as typed.
  sheet.columns = importColumns.map(c => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length * 3), style: { numFmt: '@' } }))
  sheet.getRow(1).font = { bold: true }
  sheet.addRow(await exampleRow(db, citySlug, now))
  const list = workbook.addWorksheet(t('organizerEvents.import.sheetChoices'))
  for (const row of await choices(db, citySlug, lang)) list.addRow(row)
  list.getRow(1).font = { bold: true }
  list.columns.forEach(c => (c.width = 24))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The template as CSV (one sheet only: the choices are in the .xlsx and on the import page's link). */
export async function templateCsv(db: Kysely<Database>, citySlug: string, now = Date.now()): Promise<string> {
  return toCsv(importColumns.map(c => c.header), [await exampleRow(db, citySlug, now)])
}
