import type { H3Event } from 'h3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventsStatistics } from '../../../server/events/statistics'
import { statisticsContext } from '../../../server/statistics/context'
import { tableCsv } from '../../../server/statistics/open-data'
import type { StatisticsSection, StatisticsTable } from '../../../shared/statistics/views'
import { HIDDEN_MARKER, SMALL_MARKER } from '../../../shared/statistics/views'
import type { AgeGroup } from '../../../shared/events/vocabulary'
import { openSqlite, type TestDatabase } from '../../support/databases'
import { insertEvent, prepare, tianjin } from '../../support/events'

const DAY = 86_400_000
let seq = 0

async function book(t: TestDatabase, eventId: string, age: AgeGroup, count: number, checkedIn: boolean) {
  const now = new Date().toISOString()
  await t.db.insertInto('registrations').values(Array.from({ length: count }, () => {
    const i = seq++
    return {
      id: `r-${i}`, event_id: eventId, code: `T${String(i).padStart(7, '0')}`, seq: i + 1, status: 'confirmed' as const, party_size: 1,
      name_enc: null, phone_enc: null, phone_hash: `h-${i}`, age_group: age, district_code: null, source: 'resident' as const,
      consent_at: now, promoted_at: null, cancelled_at: null, checked_in_at: checkedIn ? now : null, checked_in_by: null,
      purge_after: '2099-01-01T00:00:00.000Z', anonymised_at: null, created_at: now, updated_at: now,
    }
  })).execute()
}

describe('the events section', () => {
  let t: TestDatabase
  let section: StatisticsSection
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()

  beforeAll(async () => {
    t = await openSqlite()
    await prepare(t.db)
    // Held events (ended yesterday, or earlier this year) so attendance and no-shows count.
    const held = (district: string, daysAgo: number, audience: string) => {
      const starts = Math.max(Date.now() - daysAgo * DAY, Date.parse(`${year}-01-02T02:00:00Z`) + daysAgo * DAY)
      return insertEvent(t.db, { district_code: district, capacity: 200, audience, starts_at: new Date(starts).toISOString(), ends_at: new Date(starts + 3_600_000).toISOString() })
    }
    const heping = await held('heping', 2, ',older-people,')
    const nankai = await held('nankai', 3, ',older-people,farmers,')
    const hexi = await held('hexi', 4, ',everyone,')
    // The case: three bookings in Heping by people of 70 or more, among larger groups.
    await book(t, heping.id, '70-plus', 3, true)
    await book(t, heping.id, '40-59', 40, true)
    await book(t, heping.id, '18-39', 25, false)
    await book(t, nankai.id, '70-plus', 30, true)
    await book(t, nankai.id, '40-59', 22, true)
    await book(t, nankai.id, '18-39', 18, true)
    await book(t, hexi.id, '70-plus', 15, false)
    await book(t, hexi.id, '40-59', 12, true)
    await book(t, hexi.id, '18-39', 50, true)
    section = await eventsStatistics.build(statisticsContext({} as H3Event, t.db, tianjin, year))
  })
  afterAll(async () => t?.close())

  const tableOf = (id: string) => section.tables.find(x => x.id === id)!
  const row = (table: StatisticsTable, key: string) => table.rows.find(r => r.key === key)!
  const column = (table: StatisticsTable, key: string) => table.columns.findIndex(c => c.key === key)

  it('counts the year: events, bookings, attendance and a no-show rate', () => {
    const figures = Object.fromEntries(section.figures.map(f => [f.id, f.value]))

    expect(figures).toMatchObject({ events: 3, bookings: 215, places_booked: 215, attended: 175, no_show_rate: 18.6 })
  })

  it('shows the three Heping bookings by 70+ as "<10", and no total minus the other cells gives them away', () => {
    const cross = tableOf('bookings-by-district-and-age-group')
    const heping = row(cross, 'heping')
    const old = column(cross, 'age_70_plus')
    expect(heping.cells[old]).toBe(SMALL_MARKER)
    // Its row and its column each hide at least one more count, so row total − visible and column total − visible are sums of two unknowns.
    expect(heping.cells.filter((c, i) => i !== old && (c === HIDDEN_MARKER || c === SMALL_MARKER)).length).toBeGreaterThan(0)
    expect(cross.rows.filter(r => r.key !== 'heping').some(r => r.cells[old] === HIDDEN_MARKER)).toBe(true)
    // Nowhere in the section, JSON or CSV, is a count of 1–9 shown.
    for (const table of section.tables) {
      table.columns.forEach((c, i) => {
        if (c.unit !== 'count' || ['events', 'places_offered'].includes(c.key)) return
        for (const cells of [...table.rows.map(r => r.cells), table.totals?.cells ?? []]) {
          const v = cells[i]
          if (typeof v === 'number') expect(v === 0 || v >= 10, `${table.id}.${c.key} = ${v}`).toBe(true)
        }
      })
    }
    const csv = tableCsv(cross, false).split('\r\n').length > 1 ? tableCsv(cross, false) : tableCsv(cross, false)
    const hepingLine = csv.split(/\r?\n/).find(l => l.startsWith('heping,'))!
    expect(hepingLine.split(',')[3 + old]).toBe(SMALL_MARKER)
    // The age table's 70+ row and the district table's Heping row agree with what the cross-tab hides (one count, one status).
    const byAge = row(tableOf('events-by-age-group'), '70-plus')
    expect(byAge.cells[column(tableOf('events-by-age-group'), 'bookings')]).toBe(cross.totals!.cells[old])
    expect(row(tableOf('events-by-district'), 'heping').cells[column(tableOf('events-by-district'), 'bookings')]).toBe(heping.cells[column(cross, 'all_ages')])
  })

  it('keeps the published figures consistent: places booked = attended + did not come + still to come where all are shown', () => {
    const byDistrict = tableOf('events-by-district')
    const [p, a, n, u] = ['places_booked', 'attended', 'no_show', 'still_to_come'].map(k => column(byDistrict, k))
    for (const r of [...byDistrict.rows, { cells: byDistrict.totals!.cells }]) {
      const cells = [r.cells[p!], r.cells[a!], r.cells[n!], r.cells[u!]]
      if (cells.every(c => typeof c === 'number')) expect(cells[0]).toBe((cells[1] as number) + (cells[2] as number) + (cells[3] as number))
      // A '<10' alone among the four would be recoverable.
      const hidden = cells.filter(c => typeof c !== 'number')
      if (hidden.length === 1) expect(hidden[0]).not.toBe(SMALL_MARKER)
    }
  })
})
