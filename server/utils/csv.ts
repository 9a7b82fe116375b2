import { stringify } from 'csv-stringify/sync'

export type CsvCell = string | number | null | undefined

/**
 * Every CSV the portal hands out (attendees now; cases, contest results and statistics
 * later): UTF-8 with a BOM so that Excel shows Chinese, and cells that a spreadsheet would
 * run as a formula (starting with =, +, -, @, a tab or a carriage return, also their
 * full-width forms) prefixed with an apostrophe, so that they open as text (OWASP CSV injection).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${stringify([header, ...rows].map(row => row.map(cell => cell ?? '')), { escape_formulas: true })}`
}
