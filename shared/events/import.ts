import { z } from 'zod'

/**
 * The import spreadsheet's columns, in order, as the template names them (Chinese headers, the way a
 * district office collects a week of events). Times are Beijing time, `2026-12-08 09:30`.
 */
export const importColumns = [
  { key: 'externalId', header: '外部编号' },
  { key: 'titleZh', header: '活动名称', required: true },
  { key: 'summaryZh', header: '一句话介绍', required: true },
  { key: 'descriptionZh', header: '详细介绍', required: true },
  { key: 'whatToBringZh', header: '需要带什么' },
  { key: 'startsAt', header: '开始时间', required: true },
  { key: 'endsAt', header: '结束时间', required: true },
  { key: 'format', header: '参加方式' },
  { key: 'venue', header: '场地代码' },
  { key: 'district', header: '区县' },
  { key: 'category', header: '活动类别', required: true },
  { key: 'audience', header: '适合人群', required: true },
  { key: 'capacity', header: '名额', required: true },
  { key: 'maxPartySize', header: '每次最多报名人数' },
  { key: 'bookingOpensAt', header: '开始报名时间' },
  { key: 'bookingClosesAt', header: '截止报名时间' },
  { key: 'slug', header: '网址名称' },
  { key: 'titleEn', header: '英文名称' },
  { key: 'summaryEn', header: '英文一句话介绍' },
  { key: 'descriptionEn', header: '英文详细介绍' },
] as const
export type ImportColumnKey = typeof importColumns[number]['key']

/** The most rows one file may hold: a district's week, with room to spare. */
export const IMPORT_MAX_ROWS = 2000
/** The largest file accepted (a 2000-row workbook is far smaller). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024

/** The form fields beside the file: `commit=0` only checks, `commit=1` saves when every row is right. */
export const eventImportFields = z.object({
  commit: z.enum(['0', '1']).default('0'),
}).strict()

export const eventImportRow = z.object({
  /** The row's number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  ok: z.boolean(),
  /** What is wrong, in the organiser's language, naming the column as the sheet does. */
  errors: z.array(z.string()),
  /** The event made or updated (after `commit=1`). */
  eventId: z.string().optional(),
  /** Whether saving makes a new draft or updates the one imported before with the same 外部编号. */
  action: z.enum(['create', 'update']).optional(),
  title: z.string(),
})

export const eventImportResult = z.object({
  rows: z.array(eventImportRow),
  /** Drafts made and events updated; both 0 unless committed with every row right. */
  created: z.number().int(),
  updated: z.number().int(),
  committed: z.boolean(),
})
export type EventImportResult = z.infer<typeof eventImportResult>
