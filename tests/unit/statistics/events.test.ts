import { randomBytes } from 'node:crypto'
import type { H3Event } from 'h3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventsStatistics } from '~~/server/events/statistics'
import { statisticsContext } from '~~/server/statistics/context'
import { tableCsv } from '~~/server/statistics/open-data'
import { perturbedCell } from '#shared/statistics/perturbation'
import type { StatisticsCell, StatisticsSection, StatisticsTable } from '#shared/statistics/views'
import { MAX_CHANGE, SMALL_MARKER, SUPPRESSION_THRESHOLD, suppressionView } from '#shared/statistics/views'
import type { AgeGroup } from '#shared/events/vocabulary'
import { cityDay } from '#shared/utils/dates'
import { openSqlite, type TestDatabase } from '~~/tests/support/databases'
import { insertEvent, prepare, tianjin } from '~~/tests/support/events'

const DAY = 86_400_000
let seq = 0

/** Confirmed bookings of one place each, with the event's counters kept as booking keeps them. */
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
  await t.db.updateTable('events').where('id', '=', eventId)
    .set({ confirmed_places: sql`confirmed_places + ${count}`, checked_in_places: sql`checked_in_places + ${checkedIn ? count : 0}` }).execute()
}

describe('the events section', () => {
  let t: TestDatabase
  let section: StatisticsSection
  const secret = randomBytes(32)
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()
  const build = () => eventsStatistics.build(statisticsContext({} as H3Event, t.db, tianjin, year, secret))
  /** Held events (ended yesterday, or earlier this year) so attendance and no-shows count. */
  const held = (district: string, daysAgo: number, audience: string, capacity = 200) => {
    const starts = Math.max(Date.now() - daysAgo * DAY, Date.parse(`${year}-01-02T02:00:00Z`) + daysAgo * DAY)
    return insertEvent(t.db, { district_code: district, capacity, audience, starts_at: new Date(starts).toISOString(), ends_at: new Date(starts + 3_600_000).toISOString() })
  }

  beforeAll(async () => {
    t = await openSqlite()
    await prepare(t.db)
    const heping = await held('heping', 2, ',older-people,')
    const nankai = await held('nankai', 3, ',older-people,farmers,')
    const hexi = await held('hexi', 4, ',everyone,')
    // Three bookings in Heping by people of 70 or more, among larger groups.
    await book(t, heping.id, '70-plus', 3, true)
    await book(t, heping.id, '40-59', 40, true)
    await book(t, heping.id, '18-39', 25, false)
    await book(t, nankai.id, '70-plus', 30, true)
    await book(t, nankai.id, '40-59', 22, true)
    await book(t, nankai.id, '18-39', 18, true)
    await book(t, hexi.id, '70-plus', 15, false)
    await book(t, hexi.id, '40-59', 12, true)
    await book(t, hexi.id, '18-39', 50, true)
    // The rebuild: small events in quiet districts, each showing its places and places left.
    for (const [district, places, daysAgo] of [['ninghe', 2, 5], ['baodi', 4, 6], ['jizhou', 1, 7], ['wuqing', 6, 8], ['binhai', 3, 9]] as const) {
      const e = await held(district, daysAgo, ',everyone,', 30)
      await book(t, e.id, '60-69', places, true)
    }
    section = await build()
  })
  afterAll(async () => t?.close())

  const tableOf = (s: StatisticsSection, id: string) => s.tables.find(x => x.id === id)!
  const row = (table: StatisticsTable, key: string) => table.rows.find(r => r.key === key)!
  const column = (table: StatisticsTable, key: string) => table.columns.findIndex(c => c.key === key)
  const near = (cell: StatisticsCell, truth: number) => (typeof cell === 'number' ? Math.abs(cell - truth) <= MAX_CHANGE : cell === SMALL_MARKER && truth < SUPPRESSION_THRESHOLD + MAX_CHANGE)

  it('counts the year: events and places booked exactly, the protected figures within 3 of the truth', () => {
    const figures = Object.fromEntries(section.figures.map(f => [f.id, f.value]))
    expect(figures).toMatchObject({ events: 8, places_booked: 231 })
    expect(near(figures.bookings!, 231)).toBe(true)
    expect(near(figures.attended!, 191)).toBe(true)
    expect(typeof figures.no_show_rate).toBe('number')
  })

  it('does not pretend to hide what the events publish: places booked by district and by day are their events\' places less places left', async () => {
    const events = await t.db.selectFrom('events').select(['district_code', 'starts_at', 'capacity', 'confirmed_places']).execute()
    // What anyone reads on the events' pages (server/events/views.ts: placesLeft = capacity − confirmed places).
    const rebuilt = (key: (e: typeof events[number]) => string) => events.reduce((m, e) => m.set(key(e), (m.get(key(e)) ?? 0) + e.capacity - Math.max(0, e.capacity - e.confirmed_places)), new Map<string, number>())
    for (const [id, key] of [['events-by-district', (e: typeof events[number]) => e.district_code], ['events-by-day', (e: typeof events[number]) => cityDay(e.starts_at)]] as const) {
      const table = tableOf(section, id)
      const p = column(table, 'places_booked')
      expect(table.columns[p]!.exact).toBe(true)
      for (const [k, places] of rebuilt(key)) expect(row(table, k).cells[p], `${id} ${k}`).toBe(places)
    }
    // The small ones the issue rebuilt are shown as the events show them, not as '<10'.
    expect(row(tableOf(section, 'events-by-district'), 'jizhou').cells[column(tableOf(section, 'events-by-district'), 'places_booked')]).toBe(1)
  })

  it('never shows a protected count as 1–9, in the JSON or the CSV, and marks protected columns', () => {
    const cross = tableOf(section, 'bookings-by-district-and-age-group')
    const old = column(cross, 'age_70_plus')
    expect(row(cross, 'heping').cells[old]).toBe(SMALL_MARKER)
    expect(cross.columns.every(c => !c.exact)).toBe(true)
    for (const table of section.tables) {
      table.columns.forEach((c, i) => {
        if (c.unit !== 'count' || c.exact) return
        // A totals row may be a public count (the city's places booked under the age groups' protected ones).
        for (const cells of [...table.rows.map(r => r.cells), table.id === cross.id ? cross.totals!.cells : []]) {
          const v = cells[i]
          if (typeof v === 'number') expect(v, `${table.id}.${c.key}`).toBeGreaterThanOrEqual(SUPPRESSION_THRESHOLD)
        }
      })
    }
    const hepingLine = tableCsv(cross, false).split(/\r?\n/).find(l => l.startsWith('heping,'))!
    expect(hepingLine.split(',')[3 + old]).toBe(SMALL_MARKER)
    // One count, one change: the age table's 70+ bookings are the cross-tab's 70+ total.
    const byAge = tableOf(section, 'events-by-age-group')
    expect(row(byAge, '70-plus').cells[column(byAge, 'bookings')]).toBe(cross.totals!.cells[old])
    expect(near(row(cross, 'nankai').cells[old]!, 30)).toBe(true)
  })

  it('reads the same on every build, and a day\'s figures do not move while the records do not', async () => {
    expect(await build()).toEqual(section)
  })

  it('withstands the issue\'s attack: bookings of 70+ added one by one at a quiet district\'s only event, the statistics read after each', async () => {
    const quiet = await held('jinghai', 10, ',older-people,', 60)
    await book(t, quiet.id, '70-plus', 1, true)
    const cellOf = (s: StatisticsSection) => {
      const cross = tableOf(s, 'bookings-by-district-and-age-group')
      return row(cross, 'jinghai').cells[column(cross, 'age_70_plus')]!
    }
    const readings: StatisticsCell[] = [cellOf(await build())]
    for (let k = 1; k <= 25; k++) {
      await book(t, quiet.id, '70-plus', 1, true)
      readings.push(cellOf(await build()))
    }
    // The reader knows the published rule (the schema's largest change; none under the rule before, where
    // a '<10' turning into 10 at the 9th pinned the 1) but not the secret, and keeps every start that
    // explains all the readings.
    const most = (suppressionView.shape as unknown as Record<string, { value?: number } | undefined>).maxChange?.value ?? 0
    const changes = Array.from({ length: 2 * most + 1 }, (_, i) => i - most)
    const published = (count: number, change: number): StatisticsCell => (most ? perturbedCell(count, change) : count > 0 && count < SUPPRESSION_THRESHOLD ? SMALL_MARKER : count)
    const starts = Array.from({ length: 40 }, (_, n0) => n0).filter(n0 => changes.some(change => readings.every((r, k) => published(n0 + k, change) === r)))
    expect(starts).toContain(1)
    expect(starts.length).toBeGreaterThan(1)
  })
})
