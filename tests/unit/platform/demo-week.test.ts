// test-clock: every function below is given "today" as an argument.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoWeekFrom, planDemoWeek, weekIsOver, withWeek } from '~~/server/city/demo-week'
import { setAsideSqlite } from '~~/server/database/demo-week'
import { tianjin } from '~~/tests/support/events'

const profile = { startsOn: '2026-12-07', endsOn: '2026-12-13' }

describe('the demo\'s week', () => {
  it('is the profile\'s until that week is over, its last day included', () => {
    expect(demoWeekFrom(profile, '2026-11-20')).toEqual(profile)
    expect(demoWeekFrom(profile, '2026-12-13')).toEqual(profile)
    expect(weekIsOver(profile, '2026-12-13')).toBe(false)
    expect(weekIsOver(profile, '2026-12-14')).toBe(true)
  })

  it.each([
    ['2026-12-14', '2026-12-14', '2026-12-20'], // a Monday: today
    ['2026-12-15', '2026-12-21', '2026-12-27'], // a Tuesday: the coming Monday
    ['2026-12-20', '2026-12-21', '2026-12-27'], // a Sunday: tomorrow
    ['2027-12-30', '2028-01-03', '2028-01-09'], // across a new year
    ['2028-02-26', '2028-02-28', '2028-03-05'], // across a 29 February
  ])('after it, on %s, starts on %s and keeps the profile\'s length', (today, startsOn, endsOn) => {
    expect(demoWeekFrom(profile, today)).toEqual({ startsOn, endsOn })
  })

  it('keeps a shorter or longer week\'s length', () => {
    expect(demoWeekFrom({ startsOn: '2026-12-07', endsOn: '2026-12-09' }, '2027-01-06')).toEqual({ startsOn: '2027-01-11', endsOn: '2027-01-13' })
    expect(demoWeekFrom({ startsOn: '2026-12-07', endsOn: '2026-12-20' }, '2027-01-06')).toEqual({ startsOn: '2027-01-11', endsOn: '2027-01-24' })
  })

  it('keeps a stored week until it is over, then rebuilds; a new database starts one', () => {
    const moved = { startsOn: '2027-01-11', endsOn: '2027-01-17' }
    expect(planDemoWeek(profile, null, '2026-12-08')).toEqual({ action: 'start', week: profile })
    expect(planDemoWeek(profile, null, '2027-01-06')).toEqual({ action: 'start', week: moved })
    expect(planDemoWeek(profile, moved, '2027-01-17')).toEqual({ action: 'keep', week: moved })
    expect(planDemoWeek(profile, moved, '2027-01-18')).toEqual({ action: 'rebuild', week: { startsOn: '2027-01-18', endsOn: '2027-01-24' }, was: moved })
    // A profile moved to a later week by the city is used as soon as the stored one is over.
    const later = { startsOn: '2027-12-06', endsOn: '2027-12-12' }
    expect(planDemoWeek(later, moved, '2027-02-01')).toEqual({ action: 'rebuild', week: later, was: moved })
  })

  it('changes only the week\'s dates of the profile', () => {
    const city = withWeek(tianjin, { startsOn: '2027-01-11', endsOn: '2027-01-17' })
    expect(city.week).toEqual({ ...tianjin.week, startsOn: '2027-01-11', endsOn: '2027-01-17' })
    expect({ ...city, week: tianjin.week }).toEqual(tianjin)
  })

  it('sets an old database aside beside it, with its journal, never over an earlier copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-demo-week-'))
    const file = join(dir, 'portal.sqlite')
    for (const round of [1, 2]) {
      writeFileSync(file, `db ${round}`)
      writeFileSync(`${file}-wal`, `wal ${round}`)
      setAsideSqlite(file, profile)
    }
    expect(readdirSync(dir).sort()).toEqual(['portal-week-2026-12-07-2.sqlite', 'portal-week-2026-12-07-2.sqlite-wal', 'portal-week-2026-12-07.sqlite', 'portal-week-2026-12-07.sqlite-wal'])
  })
})
