import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { importColumns, type ImportColumnKey } from '#shared/events/import'
import type { ImportCells } from './import-check'

export class ImportFileError extends Error {
  constructor(readonly problem: 'badFile' | 'noRows' | 'tooManyRows' | 'missingColumns', readonly params: Record<string, unknown> = {}) {
    super(problem)
  }
}

export interface SheetRow { row: number, cells: ImportCells }

/** CSV bytes as Excel in China saves them: UTF-8 (with or without a BOM), else GB18030. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  }
  catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

const ZIP = [0x50, 0x4B, 0x03, 0x04]
const isXlsx = (bytes: Uint8Array) => ZIP.every((b, i) => bytes[i] === b)

/** A cell as text or a date (formulas by their result, rich text by its words, hyperlinks by their text). */
function cellValue(value: ExcelJS.CellValue): string | Date {
  if (value == null) return ''
  if (value instanceof Date) return value
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue)
    if ('richText' in value) return value.richText.map(r => r.text).join('')
    if ('text' in value) return String(value.text)
    return ''
  }
  return String(value)
}

async function xlsxRows(bytes: Uint8Array): Promise<(string | Date)[][]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  }
  catch {
    throw new ImportFileError('badFile')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new ImportFileError('noRows')
  const rows: (string | Date)[][] = []
  sheet.eachRow({ includeEmpty: true }, (r, n) => {
    const values = r.values as ExcelJS.CellValue[]
    rows[n - 1] = values.slice(1).map(cellValue)
  })
  return Array.from(rows, r => r ?? [])
}

function csvRows(bytes: Uint8Array): string[][] {
  try {
    return parse(decodeCsv(bytes), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][]
  }
  catch {
    throw new ImportFileError('badFile')
  }
}

/** The sheet's rows keyed by column (found by their Chinese headers in any order), blank rows left out. */
export async function readImportFile(bytes: Uint8Array, maxRows: number): Promise<SheetRow[]> {
  const table = isXlsx(bytes) ? await xlsxRows(bytes) : csvRows(bytes)
  const head = (table[0] ?? []).map(h => String(h).trim())
  const index = new Map<ImportColumnKey, number>()
  for (const c of importColumns) {
    const at = head.indexOf(c.header)
    if (at >= 0) index.set(c.key, at)
  }
  const missing = importColumns.filter(c => 'required' in c && c.required && !index.has(c.key)).map(c => c.header)
  if (!head.some(Boolean)) throw new ImportFileError('noRows')
  if (missing.length) throw new ImportFileError('missingColumns', { columns: missing.join('、') })
  const rows: SheetRow[] = []
  table.slice(1).forEach((cells, i) => {
    if (!cells.some(c => (c instanceof Date ? true : String(c).trim()))) return
    rows.push({ row: i + 2, cells: Object.fromEntries([...index].map(([key, at]) => [key, cells[at] ?? ''])) })
  })
  if (!rows.length) throw new ImportFileError('noRows')
  if (rows.length > maxRows) throw new ImportFileError('tooManyRows', { max: maxRows })
  return rows
}
