import { randomBytes } from 'node:crypto'
import type { H3Event } from 'h3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { feedbackStatistics } from '~~/server/events/feedback-statistics'
import { saveFeedback } from '~~/server/events/feedback'
import { statisticsContext } from '~~/server/statistics/context'
import { MAX_CHANGE, SMALL_MARKER, type StatisticsSection, type StatisticsTable } from '#shared/statistics/views'
import { openSqlite, type TestDatabase } from '~~/tests/support/databases'
import { insertEvent, prepare, tianjin } from '~~/tests/support/events'

const DAY = 86_400_000
const row = (table: StatisticsTable, key: string) => table.rows.find(r => r.key === key)!
const cell = (table: StatisticsTable, key: string, column: string) => row(table, key).cells[table.columns.findIndex(c => c.key === column)]

describe('the feedback section (the week\'s evaluation)', () => {
  let t: TestDatabase
  let section: StatisticsSection
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()

  beforeAll(async () => {
    t = await openSqlite()
    await prepare(t.db)
    // Early in this year, so the events count in it whatever today is.
    const starts = (n: number) => new Date(Math.max(Date.now() - n * DAY, Date.parse(`${year}-01-02T02:00:00Z`) + n * DAY)).toISOString()
    const heping = await insertEvent(t.db, { district_code: 'heping', category: 'daily-life', audience: ',older-people,', starts_at: starts(2) })
    const nankai = await insertEvent(t.db, { district_code: 'nankai', category: 'daily-life', audience: ',older-people,farmers,', starts_at: starts(3) })
    const answer = (eventId: string, overall: number, learned: 'yes' | 'some' | 'no') => saveFeedback(t.db, { eventId, registrationId: null, source: 'paper', overall, learned, wants: [], comment: '电话13812345678' })
    // 40 of 60 satisfied: both groups far above the small-count threshold, whatever the cells' changes, so the rate is shown.
    for (let i = 0; i < 60; i++) await answer(heping.id, i < 40 ? 5 : 2, i < 30 ? 'yes' : 'some')
    for (let i = 0; i < 3; i++) await answer(nankai.id, 1, 'no')
    section = await feedbackStatistics.build(statisticsContext({} as H3Event, t.db, tianjin, year, randomBytes(32)))
  })
  afterAll(async () => {
    await t?.close()
  })

  it('counts answers and the satisfied and learned rates by district, within the disclosure rule', () => {
    const byDistrict = section.tables.find(x => x.id === 'feedback-by-district')!
    const heping = cell(byDistrict, 'heping', 'answers')
    expect(typeof heping).toBe('number')
    expect(Math.abs((heping as number) - 60)).toBeLessThanOrEqual(MAX_CHANGE)
    // Three answers in Nankai: too few to show.
    expect(cell(byDistrict, 'nankai', 'answers')).toBe(SMALL_MARKER)
    expect(cell(byDistrict, 'nankai', 'satisfied_rate')).not.toBe(0)
    const rate = cell(byDistrict, 'heping', 'satisfied_rate') as number
    expect(rate).toBeGreaterThan(60)
    expect(rate).toBeLessThan(90)
    expect(section.figures.find(f => f.id === 'feedback_answers')).toBeTruthy()
  })

  it('has a table per category and per audience, where an event for two audiences counts in both', () => {
    const byAudience = section.tables.find(x => x.id === 'feedback-by-audience')!
    expect(typeof cell(byAudience, 'older-people', 'answers')).toBe('number')
    expect(cell(byAudience, 'farmers', 'answers')).toBe(SMALL_MARKER)
    expect(section.tables.map(x => x.id)).toEqual(['feedback-by-district', 'feedback-by-category', 'feedback-by-audience'])
  })

  it('never publishes the comments', () => {
    expect(JSON.stringify(section)).not.toContain('电话')
  })
})
