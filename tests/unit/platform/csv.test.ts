import { describe, expect, it } from 'vitest'
import { toCsv } from '~~/server/utils/csv'

describe('CSV exports', () => {
  it('open every cell that a spreadsheet would run as text', () => {
    const csv = toCsv(['name', 'n'], [
      ['=HYPERLINK("http://evil.test","点我")', 1],
      ['+86 139', 2],
      ['-2+3', 3],
      ['@SUM(A1)', 4],
      ['\tTAB', 5],
      ['\rCR', 6],
      ['＝全角', 7],
    ])
    const rows = csv.slice(1).trimEnd().split('\n').slice(1)
    expect(rows).toEqual([
      '"\'=HYPERLINK(""http://evil.test"",""点我"")",1',
      '\'+86 139,2',
      '\'-2+3,3',
      '\'@SUM(A1),4',
      '\'\tTAB,5',
      '"\'\rCR",6',
      '\'＝全角,7',
    ])
  })

  it('keeps the BOM, Chinese text, negative numbers and empty cells as they are', () => {
    const csv = toCsv(['姓名 name', '人数 party', '区县 district'], [['王秀英', -1, null], ['李建国', 2, undefined]])
    expect(csv.startsWith('\uFEFF姓名 name,人数 party,区县 district\n')).toBe(true)
    expect(csv).toContain('王秀英,-1,\n')
    expect(csv).toContain('李建国,2,\n')
  })
})
