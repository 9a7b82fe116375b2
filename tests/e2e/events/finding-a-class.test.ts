import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { mobile, publishedEvent } from '~~/tests/support/event-fixtures'
import { ApiClient } from '~~/tests/support/session'
import { hydrated } from '../helpers'

/** Elder-first journeys: every class can be found from every way in, and the next thing to do is on the first screen. */

const baseURL = inject('baseURL')
const api = new ApiClient(baseURL)
const PHONE = { width: 360, height: 740 }
type Listed = { items: { slug: string, title: { zh: string } }[], total: number }

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

async function elderPhone(test: (page: Page) => Promise<void>) {
  const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, PHONE)
  try {
    await test(await context.newPage())
  }
  finally {
    await context.close()
  }
}

/** Whether an element is wholly on the screen as it is now. */
const onScreen = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => {
  const r = el.getBoundingClientRect()
  return r.top >= 0 && r.bottom <= window.innerHeight
})

describe('finding a class', () => {
  it('finds the classes on paying by phone by the words residents use, in both languages', async () => {
    const course = (await api.get('/api/courses/pay-by-phone-safely')).json as { upcomingEvents: { slug: string }[] }
    expect(course.upcomingEvents.length).toBeGreaterThan(0)
    for (const q of ['手机支付', '付款', '付钱', '扫码', 'pay', 'Payment']) {
      const found = (await api.get(`/api/events?q=${encodeURIComponent(q)}&pageSize=50`)).json as Listed
      // The course's own classes come first.
      expect(found.items.slice(0, course.upcomingEvents.length).map(e => e.slug).sort(), q).toEqual(course.upcomingEvents.map(e => e.slug).sort())
    }
    const hospital = (await api.get(`/api/events?q=${encodeURIComponent('看病')}`)).json as Listed
    expect(hospital.items.some(e => e.title.zh.includes('挂号'))).toBe(true)
    // A word nobody uses still finds nothing, rather than everything.
    expect((await api.get(`/api/events?q=${encodeURIComponent('潜水艇')}`)).json.total).toBe(0)
  })

  it('suggests other districts and the course to learn at home when a search finds nothing', async () => {
    const districts = (await api.get('/api/city')).json.districts as { code: string }[]
    let empty: string | undefined
    for (const d of districts) {
      if ((await api.get(`/api/events?q=${encodeURIComponent('付款')}&district=${d.code}`)).json.total === 0) {
        empty = d.code
        break
      }
    }
    expect(empty).toBeDefined()
    const hint = (await api.get(`/api/events/suggestions?q=${encodeURIComponent('付款')}&district=${empty}`)).json
    expect(hint.elsewhere).toBeGreaterThan(0)
    expect(hint.courses.map((c: { slug: string }) => c.slug)).toEqual(['pay-by-phone-safely'])
    expect((await api.get('/api/events/suggestions')).json).toEqual({ elsewhere: null, courses: [] })
    expect((await api.get('/api/events/suggestions?district=NOT%20A%20CODE')).status).toBe(400)

    await elderPhone(async (page) => {
      await page.goto(new URL(`/events?q=${encodeURIComponent('付款')}&district=${empty}`, baseURL).href)
      await page.locator('.event-suggestions a[href^="/events"]').click()
      await page.waitForURL(url => !url.searchParams.has('district'))
      expect(await page.locator('.event-card').count()).toBeGreaterThan(0)
    })
  })

  it('lists a venue\'s events from its card, with their count', async () => {
    const venues = (await api.get('/api/venues?pageSize=50')).json.items as { code: string, upcomingEvents: number }[]
    const busy = venues.find(v => v.upcomingEvents > 0)!
    expect((await api.get(`/api/events?venue=${busy.code}&pageSize=50`)).json.total).toBe(busy.upcomingEvents)
    expect(venues.some(v => v.upcomingEvents === 0)).toBe(true)
  })

  it('reaches a class on paying by phone from the home page in four taps, in elder mode on a phone', () => elderPhone(async (page) => {
    let taps = 0
    const tap = async (selector: string) => {
      expect(await onScreen(page, selector), `${selector} on the first screen`).toBe(true)
      taps++
      await page.locator(selector).first().click()
    }
    await page.goto(new URL('/', baseURL).href)
    await tap('.home-tasks a[href="/courses"]')
    await page.waitForURL('**/courses')
    // The course is further down the catalogue: scrolling is not a tap.
    await page.locator('a[href="/courses/pay-by-phone-safely"]').first().scrollIntoViewIfNeeded()
    await tap('a[href="/courses/pay-by-phone-safely"]')
    await page.waitForURL('**/courses/pay-by-phone-safely')
    const classLink = page.locator('a[href^="/events/"]').first()
    await classLink.scrollIntoViewIfNeeded()
    taps++
    await classLink.click()
    await page.waitForURL('**/events/**')
    await tap('[data-main-action]')
    await page.waitForURL(url => url.hash === '#booking')
    expect(taps).toBeLessThanOrEqual(4)
    expect(await page.locator('#booking h2').isVisible()).toBe(true)
  }))
})

describe('a lesson on a phone in elder mode', () => {
  it('shows each step\'s heading and its own 下一步 on the screen after every 下一步', () => elderPhone(async (page) => {
    await page.goto(new URL('/courses/pay-by-phone-safely/scan-to-pay/1', baseURL).href)
    await hydrated(page)
    for (let step = 1; ; step++) {
      expect(await onScreen(page, '#step-title'), `step ${step}: its heading`).toBe(true)
      // A practice step's task is the practice, which starts on the screen; its 下一步 follows it.
      if (await page.locator('.sim').count()) expect(await page.locator('.sim').first().evaluate(el => el.getBoundingClientRect().top < window.innerHeight), `step ${step}: its practice`).toBe(true)
      else expect(await onScreen(page, '.course-step__next'), `step ${step}: its 下一步`).toBe(true)
      const next = page.locator('.course-step__next')
      if ((await next.getAttribute('href'))!.endsWith('/summary')) break
      const practice = await page.locator('.sim').count()
      await next.click()
      // Leaving a practice undone asks first, beside the way on; a second tap goes on.
      if (practice) {
        await page.locator('.course-step__ask').waitFor()
        expect(await onScreen(page, '.course-step__ask'), `step ${step}: the question before leaving the practice`).toBe(true)
        await next.click()
      }
      await page.waitForURL(`**/scan-to-pay/${step + 1}`)
      await page.waitForFunction(n => document.querySelector('.course-step__count')?.textContent?.includes(String(n)), step + 1)
    }
  }))
})

describe('state is right', () => {
  it('a cancelled ticket says so and offers only other events', async () => {
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const { slug } = await publishedEvent(organizer)
    const phone = mobile()
    const booked = (await api.post(`/api/events/${slug}/registrations`, { phone, name: '测试', partySize: 1, consent: true })).json as { code: string, ticketToken: string }
    const ticket = () => fetch(new URL(`/tickets/${booked.ticketToken}`, baseURL), { headers: { cookie: 'lang=zh-CN' } }).then(r => r.text())
    expect(await ticket()).toContain('calendar.ics')
    expect((await api.post('/api/registrations/cancel', { phone, code: booked.code })).status).toBe(200)
    const page = await ticket()
    expect(page).toContain('这个报名已经取消了')
    expect(page).toContain('看看其他活动')
    expect(page).not.toContain('calendar.ics')
  })

  it('a page number past the last page shows the last page', async () => {
    const total = (await api.get('/api/events')).json.total as number
    const html = await fetch(new URL('/events?page=99', baseURL), { headers: { cookie: 'lang=zh-CN; elder=1' } }).then(r => r.text())
    expect(html).toContain('class="card event-card"')
    expect(html).toContain(`第 ${Math.ceil(total / 4)} 页`)
  })
})
