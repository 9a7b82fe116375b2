import { existsSync, readdirSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { demoWeekFrom } from '~~/server/city/demo-week'
import { cityDay } from '#shared/utils/dates'
import { mobile } from '~~/tests/support/event-fixtures'
import { tianjin } from '~~/tests/support/events'
import { ApiClient } from '~~/tests/support/session'
import { startServer, type RunningServer } from '~~/tests/support/server'

const DAY = 86_400_000

/** Whole days to move the server's clock so that it reads 10:00 in the city, `days` after the profile's week starts. */
function shiftTo(days: number): { shift: string, today: string } {
  const target = Date.parse(`${tianjin.week.startsOn}T10:00:00+08:00`) + days * DAY
  // When the whole run is moved (PORTAL_TEST_CLOCK_SHIFT), Date.now() here is moved already and the server adds its own shift to the real clock.
  const own = Number(/^([+-]?\d+)d$/.exec(process.env.PORTAL_TEST_CLOCK_SHIFT ?? '')?.[1] ?? 0)
  const shift = Math.round((target - Date.now()) / DAY)
  return { shift: `${shift + own}d`, today: cityDay(new Date(Date.now() + shift * DAY)) }
}

let server: RunningServer | undefined
afterAll(async () => {
  await server?.stop()
})

async function alive(url: string, today: string) {
  const api = new ApiClient(url)
  const { startsOn, endsOn } = (await api.get('/api/city')).json.week as { startsOn: string, endsOn: string }
  const week = { startsOn, endsOn }
  // The coming Monday (these days are never Mondays), for the profile's seven days.
  expect(week).toEqual(demoWeekFrom(tianjin.week, today))
  expect(new Date(`${week.startsOn}T00:00:00Z`).getUTCDay()).toBe(1)
  expect(week.startsOn > today && week.startsOn <= cityDay(new Date(Date.parse(`${today}T00:00:00Z`) + 7 * DAY))).toBe(true)

  // The week's events can be booked, and the home page shows the week's dates.
  const events = (await api.get('/api/events?pageSize=50')).json.items as { slug: string, startsAt: string, bookingOpen: boolean, placesLeft: number }[]
  const bookable = events.filter(e => e.bookingOpen && e.placesLeft > 0 && cityDay(e.startsAt) >= week.startsOn && cityDay(e.startsAt) <= week.endsOn)
  expect(bookable.length).toBeGreaterThan(5)
  const home = await fetch(`${url}/`, { headers: { cookie: 'lang=zh-CN' } }).then(r => r.text())
  expect(home).toContain(`datetime="${week.startsOn}"`)
  // Before the week, the home page's "today" task says when it starts instead of leading to an empty day.
  expect(home).toContain('开始，先看看能报名的活动')
  const phone = mobile()
  const booked = await api.post(`/api/events/${bookable[0]!.slug}/registrations`, { phone, name: '测试（示例）', partySize: 1, consent: true })
  expect(booked.status).toBe(201)

  expect((await api.get('/api/contests/week-knowledge-contest')).json.state).toBe('open')
  expect((await api.get('/api/case-calls/week-case-call')).json.votingOpen).toBe(true)
  return { week, booking: { phone, code: (booked.json as { code: string }).code } }
}

describe('the demo on any day', () => {
  it('moves its week to the coming Monday once the profile\'s week is over, keeps it across a restart, and is rebuilt a year on', async () => {
    const month = shiftTo(30)
    server = await startServer({ PORTAL_TEST_CLOCK_SHIFT: month.shift })
    expect(server.output()).toContain(`the profile's week (${tianjin.week.startsOn} to ${tianjin.week.endsOn}) is over`)
    const first = await alive(server.url, month.today)
    const dataDir = server.dataDir
    await server.stop()

    // A restart in the same week keeps the week and what was created in it.
    server = await startServer({ PORTAL_TEST_CLOCK_SHIFT: month.shift, PORTAL_DATA_DIR: dataDir })
    expect((await new ApiClient(server.url).get('/api/city')).json.week).toMatchObject(first.week)
    expect((await new ApiClient(server.url).post('/api/registrations/lookup', first.booking)).status).toBe(200)
    await server.stop()

    // A year on, the database made for that week is set aside and a new demo is built.
    const year = shiftTo(365)
    server = await startServer({ PORTAL_TEST_CLOCK_SHIFT: year.shift, PORTAL_DATA_DIR: dataDir })
    expect(server.output()).toContain(`this database was made for the week ${first.week.startsOn} to ${first.week.endsOn}, which is over`)
    expect(readdirSync(dataDir)).toContain(`portal-week-${first.week.startsOn}.sqlite`)
    expect(existsSync(`${dataDir}/portal.sqlite`)).toBe(true)
    const second = await alive(server.url, year.today)
    expect(second.week.startsOn > first.week.endsOn).toBe(true)
  })

  it('never moves the week of a real deployment (demo off)', async () => {
    const month = shiftTo(30)
    const real = await startServer({ PORTAL_TEST_CLOCK_SHIFT: month.shift, PORTAL_DEMO: '0' })
    try {
      const week = (await new ApiClient(real.url).get('/api/city')).json.week
      expect(week).toMatchObject({ startsOn: tianjin.week.startsOn, endsOn: tianjin.week.endsOn })
      expect((await new ApiClient(real.url).get('/api/events')).json.items).toEqual([])
    }
    finally {
      await real.stop()
    }
  })
})
