import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { importColumns } from '#shared/events/import'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const organizer = new ApiClient(baseURL)
const HOUR = 3_600_000
const run = Date.now().toString(36)
const header = importColumns.map(c => c.header)

/** Beijing wall-clock text for an instant, as an office would type it. */
const beijing = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ')

function row(n: number, overrides: Record<string, string> = {}): string[] {
  const start = Date.now() + (72 + (n % 48)) * HOUR
  const cells: Record<string, string> = {
    externalId: `${run}-${n}`, titleZh: `导入的手机课 ${n}`, summaryZh: '学用手机', descriptionZh: '带上手机', startsAt: beijing(start), endsAt: beijing(start + 2 * HOUR),
    venue: 'heping-telecom-experience-centre', category: '生活服务', audience: '老年人', capacity: '30', ...overrides,
  }
  return importColumns.map(c => cells[c.key] ?? '')
}

async function workbook(rows: string[][]) {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('活动')
  sheet.addRow(header)
  for (const r of rows) sheet.addRow(r)
  return Buffer.from(await book.xlsx.writeBuffer())
}

async function upload(bytes: Buffer, name: string, commit: '0' | '1') {
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(bytes)]), name)
  body.append('commit', commit)
  const res = await fetch(`${baseURL}/api/organizer/events/import`, { method: 'POST', body, headers: { cookie: organizer.cookie, origin: new URL(baseURL).origin } })
  return { status: res.status, json: await res.json() }
}

const ownEvents = async () => (await organizer.get('/api/organizer/events')).json.items as { id: string, title: { zh: string }, status: string, capacity: number }[]

beforeAll(async () => {
  // An organisation of its own, so 500 drafts crowd no other test's lists.
  const admin = new ApiClient(baseURL)
  await admin.login('admin@demo.local')
  const email = `import-${run}@example.org`
  const { initialPassword } = (await admin.post('/api/admin/users', { email, displayName: '导入测试', role: 'organizer', organisationCode: 'tianjin-library' })).json
  await organizer.login(email, initialPassword)
  await organizer.post('/api/auth/password', { currentPassword: initialPassword, newPassword: 'import passphrase 2026' })
})

describe('importing events from a spreadsheet', () => {
  it('offers a template with Chinese headers, an example and the choices', async () => {
    const res = await fetch(`${baseURL}/api/organizer/events-template.xlsx`, { headers: { cookie: organizer.cookie } })
    expect(res.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await res.arrayBuffer())
    const [events, choices] = book.worksheets
    expect((events!.getRow(1).values as unknown[]).slice(1)).toEqual(header)
    expect(events!.rowCount).toBe(2)
    const kinds = new Set<string>()
    choices!.eachRow((r, n) => n > 1 && kinds.add(String(r.getCell(1).value)))
    expect([...kinds]).toEqual(['场地', '区县', '活动类别', '适合人群', '参加方式'])
    const csv = await fetch(`${baseURL}/api/organizer/events-template.csv`, { headers: { cookie: organizer.cookie } })
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xEF, 0xBB, 0xBF]) // the BOM Excel needs for Chinese
    expect(new TextDecoder().decode(bytes).split(/\r?\n/)[0]).toBe(header.join(','))
    // The template's own example imports cleanly.
    const checked = await upload(Buffer.from(await (await fetch(`${baseURL}/api/organizer/events-template.xlsx`, { headers: { cookie: organizer.cookie } })).arrayBuffer()), 'template.xlsx', '0')
    expect(checked.json.rows).toMatchObject([{ row: 2, ok: true, errors: [] }])
  })

  it('checks 500 rows, saves nothing while any is wrong, then makes 500 drafts in under 5 s and updates them on a new import', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => row(i))
    rows[5] = row(5, { venue: 'hexi-lib', startsAt: beijing(Date.now() + 100 * HOUR), endsAt: beijing(Date.now() + 99 * HOUR) })
    rows[300] = row(300, { capacity: '很多' })
    const before = (await ownEvents()).length

    const checked = await upload(await workbook(rows), 'week.xlsx', '1')
    expect(checked.status).toBe(200)
    expect(checked.json).toMatchObject({ created: 0, updated: 0, committed: false })
    expect(checked.json.rows).toHaveLength(500)
    expect(checked.json.rows[5]).toEqual({ row: 7, ok: false, errors: ['场地代码 “hexi-lib” 不存在', '开始时间 晚于 结束时间'], title: '导入的手机课 5' })
    expect(checked.json.rows[300].errors).toEqual(['名额 “很多” 要填 1 到 5000 之间的整数'])
    expect(checked.json.rows.filter((r: { ok: boolean }) => !r.ok)).toHaveLength(2)
    expect((await ownEvents()).length).toBe(before)

    rows[5] = row(5)
    rows[300] = row(300)
    const started = Date.now()
    const saved = await upload(await workbook(rows), 'week.xlsx', '1')
    expect(Date.now() - started).toBeLessThan(5000)
    expect(saved.json).toMatchObject({ created: 500, updated: 0, committed: true })
    const events = await ownEvents()
    expect(events.length).toBe(before + 500)
    const five = events.find(e => e.id === saved.json.rows[5].eventId)!
    expect(five).toMatchObject({ status: 'draft', capacity: 30, title: { zh: '导入的手机课 5' } })

    // The office corrects its sheet and imports it again: the same events change, none is added.
    const again = await upload(await workbook(rows.map((r, i) => (i === 5 ? row(5, { titleZh: '改过的手机课', capacity: '45' }) : r))), 'week.xlsx', '1')
    expect(again.json).toMatchObject({ created: 0, updated: 500, committed: true })
    expect(again.json.rows[5].eventId).toBe(saved.json.rows[5].eventId)
    const after = await ownEvents()
    expect(after.length).toBe(before + 500)
    expect(after.find(e => e.id === five.id)).toMatchObject({ capacity: 45, title: { zh: '改过的手机课' } })
  })

  it('reads a CSV saved by Excel in China (GB18030)', async () => {
    const csv = [header, row(1000, { venue: '中国电信天津信息消费体验中心（滨江道）' }), row(1001)].map(r => r.join(',')).join('\r\n')
    const res = await upload(iconv.encode(csv, 'gb18030'), 'week.csv', '0')
    expect(res.status).toBe(200)
    expect(res.json.rows).toMatchObject([{ ok: true, title: '导入的手机课 1000', action: 'create' }, { ok: true }])
  })

  it('answers a file it cannot read, or without the columns, with a field error', async () => {
    expect((await upload(Buffer.from('not a spreadsheet'), 'x.csv', '0')).json.data.fieldErrors.file[0]).toContain('缺少这些列')
    expect((await upload(Buffer.from([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), 'x.xlsx', '0')).json.data.fieldErrors.file).toEqual(['读不出这个文件：请上传 Excel（.xlsx）或 CSV 文件'])
    const other = new ApiClient(baseURL)
    const body = new FormData()
    body.append('file', new Blob(['x']), 'x.csv')
    expect((await fetch(`${baseURL}/api/organizer/events/import`, { method: 'POST', body, headers: { origin: new URL(baseURL).origin, cookie: other.cookie } })).status).toBe(401)
  })
})
