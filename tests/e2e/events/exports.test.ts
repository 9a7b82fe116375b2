import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const organizer = new ApiClient(baseURL)
const resident = new ApiClient(baseURL)
let phoneCounter = 0
// Digits only, as Excel would turn into 1.39E+10 if the export let it.
const digits = () => `139${String(Date.now() % 10_000).padStart(4, '0')}${String(++phoneCounter).padStart(4, '0')}`
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

async function bookedEvent() {
  const { id, slug } = await publishedEvent(organizer)
  const phone = digits()
  const booked = await resident.post(`/api/events/${slug}/registrations`, { phone, name: '=HYPERLINK("http://evil.test","点我")', partySize: 2, consent: true, ageGroup: '70-plus', district: 'heping' })
  expect(booked.status, booked.text).toBe(201)
  const attendees = await organizer.get(`/api/organizer/events/${id}/registrations`)
  const item = attendees.json.items[0] as { code: string, createdAt: string }
  return { id, phone, code: item.code, createdAt: item.createdAt }
}

async function download(path: string, lang: 'zh-CN' | 'en', reason?: string) {
  const res = await fetch(`${baseURL}${path}`, {
    method: reason ? 'POST' : 'GET',
    headers: { cookie: `${organizer.cookie}; lang=${lang}`, ...(reason ? { 'content-type': 'application/json' } : {}) },
    body: reason ? JSON.stringify({ reason }) : undefined,
  })
  expect(res.status).toBe(200)
  return { res, bytes: Buffer.from(await res.arrayBuffer()) }
}

/** Reads a CSV as Excel would: numbers where a cell looks like one. */
function readCsv(bytes: Buffer) {
  const text = new TextDecoder().decode(bytes) // drops the BOM
  const parsed = Papa.parse<Record<string, unknown>>(text, { header: true, dynamicTyping: true, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

async function readXlsx(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook.worksheets[0]!
}

beforeAll(async () => {
  await organizer.login('organizer@demo.local')
})

describe('the attendee CSV', () => {
  it('is in Beijing time, with Chinese labels, and keeps the mobile number as text', async () => {
    const { id, phone, code, createdAt } = await bookedEvent()
    const { bytes } = await download(`/api/organizer/events/${id}/registrations.csv`, 'zh-CN', '打印签到表')
    const [row, ...rest] = readCsv(bytes)
    expect(rest).toEqual([])
    expect(row).toMatchObject({ 确认码: code, 状态: '已确认', 人数: 2, 年龄段: '70岁及以上', 居住区县: '和平区', 报名方式: '网上报名', 签到时间: null })
    expect(row!['报名时间']).toBe(beijing(createdAt))
    expect(row!['报名时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    // Still text after a reader that turns number-like cells into numbers, as Excel does.
    expect(row!['手机号']).toBe(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`)
    // The formula escaping stays.
    expect(row!['姓名']).toBe('\'=HYPERLINK("http://evil.test","点我")')
  })

  it('speaks English to an organiser who reads English', async () => {
    const { id } = await bookedEvent()
    const [row] = readCsv((await download(`/api/organizer/events/${id}/registrations.csv`, 'en')).bytes)
    expect(row).toMatchObject({ 'Status': 'Confirmed', 'How they booked': 'Booked online', 'District of residence': 'Heping District' })
    expect(String(row!['Mobile'])).toMatch(/^\*{7}\d{4}$/)
  })
})

describe('the attendee workbook', () => {
  it('has typed columns: text for codes and numbers, whole numbers, Beijing date-times; no formula', async () => {
    const { id, phone, code, createdAt } = await bookedEvent()
    const { res, bytes } = await download(`/api/organizer/events/${id}/registrations.xlsx`, 'zh-CN', '打印签到表')
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toContain('-full.xlsx')
    const sheet = await readXlsx(bytes)
    expect(sheet.name).toBe('报名名单')
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual(['确认码', '状态', '人数', '姓名', '手机号', '年龄段', '居住区县', '报名方式', '签到时间', '报名时间'])
    const row = sheet.getRow(2)
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1)
    expect(cell('手机号').type).toBe(ExcelJS.ValueType.String)
    expect(cell('手机号').numFmt).toBe('@')
    expect(cell('手机号').value).toBe(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`)
    expect(cell('确认码').value).toBe(code)
    expect(cell('人数').value).toBe(2)
    expect(cell('状态').value).toBe('已确认')
    // A name that looks like a formula is a plain string cell, never a formula.
    expect(cell('姓名').type).toBe(ExcelJS.ValueType.String)
    expect(cell('姓名').value).toBe('=HYPERLINK("http://evil.test","点我")')
    const booked = cell('报名时间')
    expect(booked.type).toBe(ExcelJS.ValueType.Date)
    expect(booked.numFmt).toBe('yyyy-mm-dd hh:mm')
    // Excel keeps wall-clock time: the cell reads Beijing's time of the UTC instant.
    expect((booked.value as Date).toISOString().slice(0, 16).replace('T', ' ')).toBe(beijing(createdAt))
    let formulas = 0
    sheet.eachRow(r => r.eachCell((c) => {
      if (c.type === ExcelJS.ValueType.Formula) formulas++
    }))
    expect(formulas).toBe(0)
  })

  it('is masked by default, and in English for an English organiser', async () => {
    const { id } = await bookedEvent()
    const sheet = await readXlsx((await download(`/api/organizer/events/${id}/registrations.xlsx`, 'en')).bytes)
    expect(sheet.name).toBe('Attendees')
    expect(String(sheet.getRow(2).getCell(5).value)).toMatch(/^\*{7}\d{4}$/)
    expect(sheet.getRow(2).getCell(2).value).toBe('Confirmed')
  })
})
