import ExcelJS from 'exceljs'
import type { H3Event } from 'h3'
import type { Kysely } from 'kysely'
import type { Language } from '#shared/i18n/languages'
import type { Database, EventRow } from '~~/server/database/schema'
import { decryptText } from '~~/server/privacy/crypto'
import { maskName } from '#shared/utils/mask'
import { organizerLanguage, organizerT } from './organizer-i18n'

export type ExportFormat = 'csv' | 'xlsx'
type Kind = 'text' | 'count' | 'time'
const columns = [
  ['code', 'text'], ['status', 'text'], ['partySize', 'count'], ['name', 'text'], ['phone', 'text'], ['ageGroup', 'text'],
  ['district', 'text'], ['source', 'text'], ['checkedInAt', 'time'], ['bookedAt', 'time'],
] as const satisfies readonly (readonly [string, Kind])[]

/** One attendee: labels already in the organiser's language, times as UTC instants (each format writes them its own way). */
type Row = (string | number | null)[]

const SHANGHAI_OFFSET = 8 * 3_600_000 // Asia/Shanghai keeps no summer time.
/** `2026-12-08 00:22`: what an office reads as Beijing time, and what Excel takes for a date and time. */
export const beijingTime = (iso: string) => new Date(Date.parse(iso) + SHANGHAI_OFFSET).toISOString().slice(0, 16).replace('T', ' ')
/** 139 1234 5678: grouped as people write it, and text to a spreadsheet (an 11-digit run would become 1.39E+10). */
const groupedMobile = (digits: string) => (/^\d{11}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : digits)

async function attendeeRows(db: Kysely<Database>, row: EventRow, reveal: boolean, lang: Language): Promise<Row[]> {
  const t = organizerT(lang)
  const regs = await db.selectFrom('registrations').selectAll().where('event_id', '=', row.id).orderBy('seq').execute()
  const districts = new Map((await db.selectFrom('districts').select(['code', 'name_zh', 'name_en']).where('city_slug', '=', row.city_slug).execute())
    .map(d => [d.code, lang === 'en' ? d.name_en : d.name_zh]))
  const person = async (r: typeof regs[number]) => {
    if (!r.name_enc) return ['', '']
    // A helper's booking for a landline or no phone: a name, no number.
    if (!r.phone_enc) return [reveal ? await decryptText(r.name_enc) : maskName(await decryptText(r.name_enc)), '']
    if (!reveal) {
      const masked = await maskedResident({ name_enc: r.name_enc, phone_enc: r.phone_enc })
      return [masked.name, masked.phone]
    }
    const [name, phone] = await Promise.all([decryptText(r.name_enc), decryptText(r.phone_enc)])
    return [name, groupedMobile(phone)]
  }
  return Promise.all(regs.map(async r => [
    r.code, t(`organizerEvents.registrationStatus.${r.status}`), r.party_size, ...await person(r),
    r.age_group ? t(`ageGroups.${r.age_group}`) : '', r.district_code ? districts.get(r.district_code) ?? r.district_code : '',
    t(`organizerEvents.sources.${r.source}`), r.checked_in_at, r.created_at,
  ]))
}

function headerOf(lang: Language) {
  const t = organizerT(lang)
  return columns.map(([key]) => t(`organizerEvents.export.${key}`))
}

/** CSV (toCsv: a BOM for Excel, no cell that runs as a formula): times in Beijing time, mobiles grouped so they stay text. */
function csvOf(lang: Language, rows: Row[]): string {
  return toCsv(headerOf(lang), rows.map(r => r.map((cell, i) => (columns[i]![1] === 'time' && typeof cell === 'string' ? beijingTime(cell) : cell))))
}

/** A workbook with typed columns: text (format @, so numbers and codes stay as written), whole numbers, Beijing date-times. */
async function xlsxOf(lang: Language, rows: Row[]): Promise<Buffer> {
  const t = organizerT(lang)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(t('organizerEvents.export.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map(([key, kind], i) => ({
    key, header: headerOf(lang)[i], width: kind === 'time' ? 18 : kind === 'count' ? 8 : 16,
    style: { numFmt: kind === 'text' ? '@' : kind === 'time' ? 'yyyy-mm-dd hh:mm' : '0' },
  }))
  sheet.getRow(1).font = { bold: true }
  for (const r of rows) {
    // Excel has no time zones: a cell holds the wall-clock time, here Beijing's.
    sheet.addRow(r.map((cell, i) => (columns[i]![1] === 'time' && typeof cell === 'string' ? new Date(Date.parse(cell) + SHANGHAI_OFFSET) : cell ?? null)))
  }
  sheet.getCell(`A${rows.length + 3}`).value = t('organizerEvents.export.timeNote')
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Reads the list and sets the download's headers: masked unless `reveal`, in the organiser's language. */
async function prepare(event: H3Event, db: Kysely<Database>, row: EventRow, reveal: boolean, format: ExportFormat) {
  const lang = organizerLanguage(event)
  const rows = await attendeeRows(db, row, reveal, lang)
  setResponseHeaders(event, {
    'content-type': contentTypes[format],
    'content-disposition': `attachment; filename="${row.slug}-attendees${reveal ? '-full' : ''}.${format}"`,
    'cache-control': 'no-store',
  })
  return { lang, rows }
}

export async function sendAttendeesCsv(event: H3Event, db: Kysely<Database>, row: EventRow, reveal: boolean): Promise<string> {
  const { lang, rows } = await prepare(event, db, row, reveal, 'csv')
  return csvOf(lang, rows)
}

export async function sendAttendeesXlsx(event: H3Event, db: Kysely<Database>, row: EventRow, reveal: boolean): Promise<Buffer> {
  const { lang, rows } = await prepare(event, db, row, reveal, 'xlsx')
  return xlsxOf(lang, rows)
}

export const attendeeCount = (db: Kysely<Database>, eventId: string) =>
  db.selectFrom('registrations').select(eb => eb.fn.countAll<number>().as('n')).where('event_id', '=', eventId).executeTakeFirstOrThrow().then(r => Number(r.n))
