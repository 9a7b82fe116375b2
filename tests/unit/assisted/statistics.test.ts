import { randomBytes } from 'node:crypto'
import type { H3Event } from 'h3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assistedStatistics } from '~~/server/assisted/statistics'
import { statisticsSectionKeys } from '#shared/statistics/views'
import { statisticsContext } from '~~/server/statistics/context'
import { MAX_CHANGE, SMALL_MARKER, type StatisticsSection, type StatisticsTable } from '#shared/statistics/views'
import { openSqlite, type TestDatabase } from '~~/tests/support/databases'
import { insertEvent, prepare, sealed, tianjin } from '~~/tests/support/events'

const DAY = 86_400_000
const cell = (table: StatisticsTable, key: string, column: string) =>
  table.rows.find(r => r.key === key)!.cells[table.columns.findIndex(c => c.key === column)]

describe('the statistics of bookings helpers made (issue 25)', () => {
  let t: TestDatabase
  let section: StatisticsSection
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()

  beforeAll(async () => {
    t = await openSqlite()
    await prepare(t.db)
    const org = await t.db.selectFrom('organisations').select('id').where('city_slug', '=', 'tianjin').executeTakeFirstOrThrow()
    const now = new Date().toISOString()
    await t.db.insertInto('users').values({
      id: 'helper-1', email: 'helper@example.test', display_name: '示例协助人员', password_hash: 'x', role: 'helper', organisation_id: org.id,
      must_change_password: 0, session_version: 1, disabled_at: null, last_login_at: null, created_by: null, created_at: now, updated_at: now,
    }).execute()
    // Early in this year, so the events count in it whatever today is.
    const starts = (n: number) => new Date(Math.max(Date.now() - n * DAY, Date.parse(`${year}-01-02T02:00:00Z`) + n * DAY)).toISOString()
    const heping = await insertEvent(t.db, { district_code: 'heping', starts_at: starts(2), capacity: 100 })
    const nankai = await insertEvent(t.db, { district_code: 'nankai', starts_at: starts(3), capacity: 100 })
    let seq = 0
    const booking = async (eventId: string, source: 'assisted' | 'resident', consent: 'in-person' | 'phone', contact: 'mobile' | 'landline' | 'none') => {
      seq++
      const id = `reg-${seq}`
      await t.db.insertInto('registrations').values({
        id, event_id: eventId, code: `C${seq}`, seq, status: 'confirmed', party_size: 2, ...sealed(seq), age_group: null, district_code: null,
        source, consent_at: now, promoted_at: null, cancelled_at: null, checked_in_at: null, checked_in_by: null, attendance_confirmed_at: null,
        purge_after: '2099-01-01T00:00:00.000Z', anonymised_at: null, created_at: now, updated_at: now,
      }).execute()
      if (source === 'assisted') {
        await t.db.insertInto('assisted_registrations').values({
          registration_id: id, helper_id: 'helper-1', organisation_id: org.id, consent, contact, created_at: now, cancelled_at: null,
        }).execute()
      }
    }
    // Heping: 40 made in person (20 for residents without a mobile), 30 on the phone; Nankai: 3. Web bookings never count.
    for (let i = 0; i < 40; i++) await booking(heping.id, 'assisted', 'in-person', i < 20 ? 'none' : 'mobile')
    for (let i = 0; i < 30; i++) await booking(heping.id, 'assisted', 'phone', 'landline')
    for (let i = 0; i < 3; i++) await booking(nankai.id, 'assisted', 'phone', 'mobile')
    for (let i = 0; i < 25; i++) await booking(nankai.id, 'resident', 'in-person', 'mobile')
    section = await assistedStatistics.build(statisticsContext({} as H3Event, t.db, tianjin, year, randomBytes(32)))
  })
  afterAll(async () => {
    await t?.close()
  })

  it('has its own key among the sections', () => {
    expect(statisticsSectionKeys).toContain(assistedStatistics.key)
  })

  it('counts the bookings helpers made by the event\'s district, within the disclosure rule', () => {
    const byDistrict = section.tables.find(x => x.id === 'assisted-by-district')!
    const near = (value: unknown, exact: number) => {
      expect(typeof value).toBe('number')
      expect(Math.abs((value as number) - exact)).toBeLessThanOrEqual(MAX_CHANGE)
    }
    near(cell(byDistrict, 'heping', 'bookings'), 70)
    near(cell(byDistrict, 'heping', 'places'), 140)
    near(cell(byDistrict, 'heping', 'present'), 40)
    near(cell(byDistrict, 'heping', 'phone'), 30)
    near(cell(byDistrict, 'heping', 'no_mobile'), 50)
    // Three in Nankai, and its 25 web bookings are not the helpers': too few to show.
    expect(cell(byDistrict, 'nankai', 'bookings')).toBe(SMALL_MARKER)
    expect(byDistrict.columns.every(c => !c.exact)).toBe(true)
    near(section.figures.find(f => f.id === 'assisted_bookings')!.value, 73)
  })

  it('never names a helper, an organisation or a resident', () => {
    const text = JSON.stringify(section)
    for (const secret of ['helper-1', '示例协助人员', 'name-1', 'phone-1', 'hash-1']) expect(text).not.toContain(secret)
  })
})
