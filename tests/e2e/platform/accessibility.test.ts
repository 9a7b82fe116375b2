import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { contextFor, launchBrowser, modeName, modes, type Mode } from '~~/tests/support/browser'
import { ApiClient } from '~~/tests/support/session'
import { hydrated } from '../helpers'
import { pages, type CheckedPage } from '../pages'

/**
 * Accessibility of every checked page in every mode (zh-CN / en × normal / elder).
 * One test per page × mode; each test reports every failed check (expect.soft),
 * with enough detail (selector, measured value) to find the culprit.
 */

const baseURL = inject('baseURL')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const DESKTOP = { width: 1280, height: 900 }
const NARROW = { width: 320, height: 640 }
/** Phones the first screen is measured on: a common one and a small one. */
const FIRST_SCREENS = [{ width: 360, height: 740 }, { width: 320, height: 568 }]
/** Elder mode promises AAA contrast for text (WCAG 1.4.6). */
const ELDER_CONTRAST = 7

let browser: Browser
const contexts = new Map<string, { context: BrowserContext, page: Page }>()
/** What each mode's page has logged about keys with no translation (a page that forgot an i18n namespace). */
const missingKeys = new Map<string, string[]>()
/** One session per demo account, shared by the four mode contexts (sign-ins are rate-limited per address). */
const sessions = new Map<string, string>()
/** A real booking's ticket token, for pages listed with ":ticket" in their path. */
let ticket = ''
/** An event of the demo organizer, for pages listed with ":organizerEvent". */
let organizerEvent = ''
/** A finished quiz attempt, for pages listed with ":quizAttempt". */
let quizAttempt = ''
/** An entry in the open demo contest (and its secret, as the entrant's browser keeps it), and the demo contest's id, for ":contestEntry" and ":organizerContest". */
let contestEntry = ''
let contestSecret = ''
let organizerContest = ''
/** A case assigned to the demo reviewer, and the admins' first demo call and case, for ":reviewerCase", ":adminCaseCall" and ":adminCase". */
let reviewerCase = ''
let adminCaseCall = ''
let adminCase = ''
/** An awarded demo case, and a draft made for the suite ("<id>?code=<edit code>"), for ":caseSlug" and ":caseSubmission". */
let caseSlug = ''
let caseSubmission = ''
/** A booking helper@demo.local made for a resident without a phone, for ":assistedSlip". */
let assistedSlip = ''

beforeAll(async () => {
  browser = await launchBrowser()
  for (const role of new Set(pages.map(p => p.signIn).filter(r => r !== undefined))) {
    const client = new ApiClient(baseURL)
    await client.login(`${role}@demo.local`)
    sessions.set(role, client.cookie)
  }
  if (pages.some(p => p.path.includes(':organizerEvent'))) {
    const client = new ApiClient(baseURL)
    client.cookie = sessions.get('organizer')!
    organizerEvent = (await client.get('/api/organizer/events')).json.items[0].id
  }
  if (pages.some(p => p.path.includes(':ticket'))) {
    const open = (await (await fetch(`${baseURL}/api/events?pageSize=50`)).json()).items.find((e: { availability: string }) => e.availability === 'open')
    const booking = await new ApiClient(baseURL).post(`/api/events/${open.slug}/registrations`, { name: '测试', phone: '13966660000', partySize: 1, consent: true })
    ticket = booking.json.ticketToken
  }
  if (pages.some(p => p.path.includes(':assistedSlip'))) {
    const client = new ApiClient(baseURL)
    client.cookie = sessions.get('helper')!
    const open = (await (await fetch(`${baseURL}/api/events?pageSize=50`)).json()).items.find((e: { availability: string }) => e.availability === 'open')
    assistedSlip = (await client.post('/api/assisted/registrations', { event: open.slug, name: '王秀兰', contact: 'none', partySize: 1, consent: 'in-person' })).json.id
  }
  if (pages.some(p => p.path.includes(':quizAttempt'))) {
    const client = new ApiClient(baseURL)
    const attempt = (await client.post('/api/quizzes/elder-anti-fraud/attempts')).json
    quizAttempt = attempt.attemptId
    for (const item of attempt.items) await client.post(`/api/quiz-attempts/${quizAttempt}/answers`, { itemId: item.id, answer: { verdict: 'scam' } })
  }
  if (pages.some(p => p.path.includes(':contestEntry'))) {
    const client = new ApiClient(baseURL)
    const { demoCode } = (await client.post('/api/verifications', { phone: '13977770000', purpose: 'contest-entry' })).json
    const { verificationToken } = (await client.post('/api/verifications/confirm', { phone: '13977770000', purpose: 'contest-entry', code: demoCode })).json
    const entry = (await client.post('/api/contests/week-knowledge-contest/entries', { verificationToken, phone: '13977770000', team: 'heping', nickname: '检查页面' })).json
    contestEntry = entry.entryId
    contestSecret = entry.entrySecret
  }
  if (pages.some(p => p.path.includes(':organizerContest'))) {
    const client = new ApiClient(baseURL)
    client.cookie = sessions.get('admin')!
    organizerContest = (await client.get('/api/organizer/contests')).json.ids[0]
  }
  if (pages.some(p => p.path.includes(':reviewerCase'))) {
    const client = new ApiClient(baseURL)
    client.cookie = sessions.get('reviewer')!
    const items = (await client.get('/api/organizer/cases')).json.items as { id: string, reviewState: string }[]
    reviewerCase = (items.find(i => i.reviewState === 'to-do') ?? items[0])!.id
  }
  if (pages.some(p => p.path.includes(':adminCase'))) {
    const client = new ApiClient(baseURL)
    client.cookie = sessions.get('admin')!
    adminCaseCall = (await client.get('/api/admin/cases/calls')).json.items[0].id
    adminCase = (await client.get('/api/admin/cases')).json.items[0].id
  }
  if (pages.some(p => p.path.includes(':caseSlug'))) {
    const list = (await new ApiClient(baseURL).get('/api/cases?call=last-year-case-call&pageSize=48')).json.items as { slug: string, awarded: boolean, cover: unknown }[]
    caseSlug = (list.find(c => c.awarded && c.cover) ?? list[0])!.slug
  }
  if (pages.some(p => p.path.includes(':caseSubmission'))) {
    const client = new ApiClient(baseURL)
    const phone = '13977771111'
    const { demoCode } = (await client.post('/api/verifications', { phone, purpose: 'case-submission' })).json
    const { verificationToken } = (await client.post('/api/verifications/confirm', { phone, purpose: 'case-submission', code: demoCode })).json
    const created = (await client.post('/api/case-calls/week-case-call/submissions', { verificationToken, contactPhone: phone, contactName: '检查页面', title: '检查页面用的案例' })).json
    caseSubmission = `${created.id}?code=${created.editCode}`
  }
  for (const mode of modes) {
    const context = await contextFor(browser, baseURL, mode, DESKTOP)
    // The play page shows its questions only where the entrant's secret is kept.
    if (contestEntry) await context.addInitScript(([id, secret]) => localStorage.setItem(`portal:contest-secret:${id}`, secret!), [contestEntry, contestSecret])
    const page = await context.newPage()
    const missing: string[] = []
    page.on('console', (msg) => {
      if (msg.text().includes('[i18n] missing key')) missing.push(msg.text())
    })
    missingKeys.set(modeName(mode), missing)
    contexts.set(modeName(mode), { context, page })
  }
})

afterAll(async () => {
  for (const { context } of contexts.values()) await context.close()
  await browser?.close()
})

async function open(page: Page, path: string) {
  const res = await page.goto(new URL(path, baseURL).href, { waitUntil: 'load' })
  await hydrated(page)
  return res
}

interface Measured {
  body: { fontSize: number, lineHeight: number | null, color: string, background: string, contrast: number }
  smallText: string[]
  smallTargets: string[]
  lowContrast: string[]
  animated: string[]
}

/**
 * Everything measured from computed styles in one round trip. Runs in the page;
 * it must not reference anything outside itself.
 */
function measure({ minFont, minTarget, minContrast, elder }: { minFont: number, minTarget: number, minContrast: number, elder: boolean }): Measured {
  type RGBA = [number, number, number, number]
  const parse = (c: string): RGBA => {
    const m = c.match(/rgba?\(([^)]+)\)/)
    if (!m) return [0, 0, 0, 0]
    const [r, g, b, a = '1'] = m[1]!.split(/[\s,/]+/).filter(Boolean)
    return [Number(r), Number(g), Number(b), Number(a)]
  }
  const over = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3] + bottom[3] * (1 - top[3])
    if (a === 0) return [0, 0, 0, 0]
    const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a
    return [mix(0), mix(1), mix(2), a]
  }
  /** The colour behind an element: its own and its ancestors' backgrounds, composited until opaque, on white. */
  const backgroundOf = (el: Element | null): RGBA => {
    const layers: RGBA[] = []
    for (let node = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor)
      if (bg[3] > 0) layers.push(bg)
      if (bg[3] >= 1) break
    }
    return layers.reduceRight<RGBA>((below, layer) => over(layer, below), [255, 255, 255, 1])
  }
  const luminance = ([r, g, b]: RGBA) => {
    const lin = (v: number) => {
      const s = v / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
  }
  const contrast = (fg: RGBA, bg: RGBA) => {
    const text = over(fg, bg)
    const [l1, l2] = [luminance(text), luminance(bg)].sort((a, b) => b - a)
    return (l1! + 0.05) / (l2! + 0.05)
  }
  const describe = (el: Element) => {
    let s = el.tagName.toLowerCase()
    if (el.id) s += `#${el.id}`
    if (el.classList.length) s += `.${[...el.classList].join('.')}`
    const parent = el.parentElement
    if (parent && !el.id) s = `${parent.tagName.toLowerCase()}${parent.className ? `.${[...parent.classList].join('.')}` : ''} > ${s}`
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30)
    return text ? `${s} "${text}"` : s
  }
  const isVisible = (el: Element) => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0
  }
  const ownText = (el: Element) => [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')

  const bodyStyle = getComputedStyle(document.body)
  const bodyFont = parseFloat(bodyStyle.fontSize)
  const bodyLine = bodyStyle.lineHeight === 'normal' ? null : parseFloat(bodyStyle.lineHeight)
  const bodyBg = backgroundOf(document.body)

  // Font size of every visible element that carries text.
  const smallText: string[] = []
  for (const el of document.body.querySelectorAll('p, li, dd, dt, label, a, button, span, td, th, h1, h2, h3, h4, h5, h6')) {
    if (!isVisible(el) || (el.textContent ?? '').trim() === '') continue
    const size = parseFloat(getComputedStyle(el).fontSize)
    if (size < minFont) smallText.push(`${describe(el)}: ${size}px`)
  }

  // Target size (WCAG 2.5.8, and the portal's own 44 / 60 px rule).
  const smallTargets: string[] = []
  const targets = document.body.querySelectorAll('a[href], button, input, select, textarea, [role=switch], [role=radio], [role=button], [tabindex="0"]')
  for (const el of new Set(targets)) {
    if (!isVisible(el)) continue
    const r = el.getBoundingClientRect()
    // The skip link sits off-screen until it is focused.
    if (el.classList.contains('skip-link') && (r.bottom <= 0 || r.right <= 0)) continue
    // Inline exception: a link inside running text, whose size is set by the line height of that text.
    const parent = el.parentElement
    if (el.tagName === 'A' && parent && ['P', 'DD', 'LI', 'SPAN', 'TD'].includes(parent.tagName) && ownText(parent)) continue
    if (r.width < minTarget - 0.01 || r.height < minTarget - 0.01) smallTargets.push(`${describe(el)}: ${r.width.toFixed(1)}×${r.height.toFixed(1)}`)
  }

  // Elder mode: AAA contrast for body text and paragraphs.
  const lowContrast: string[] = []
  const bodyContrast = contrast(parse(bodyStyle.color), bodyBg)
  if (elder) {
    for (const el of document.body.querySelectorAll('p')) {
      if (!isVisible(el) || (el.textContent ?? '').trim() === '') continue
      const ratio = contrast(parse(getComputedStyle(el).color), backgroundOf(el))
      if (ratio < minContrast) lowContrast.push(`${describe(el)}: ${ratio.toFixed(2)}:1 (${getComputedStyle(el).color} on rgba(${backgroundOf(el).join(',')}))`)
    }
  }

  // Elder mode: nothing moves.
  const animated: string[] = []
  if (elder) {
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(el, pseudo)
        const durations = style.transitionDuration.split(',').map(d => parseFloat(d))
        if (style.animationName !== 'none' || durations.some(d => d > 0)) {
          animated.push(`${describe(el)}${pseudo ?? ''}: animation-name ${style.animationName}, transition-duration ${style.transitionDuration}`)
        }
      }
    }
  }

  return {
    body: { fontSize: bodyFont, lineHeight: bodyLine, color: bodyStyle.color, background: `rgba(${bodyBg.join(',')})`, contrast: bodyContrast },
    smallText,
    smallTargets,
    lowContrast,
    animated,
  }
}

interface FocusStop {
  element: string
  problems: string[]
  /** Where the element is in the document, to notice when Tab has come round to the first stop. */
  key: string
}

/** The state of the focused element after a Tab press; runs in the page. */
function inspectFocus(): FocusStop | null {
  const el = document.activeElement
  if (!el || el === document.body || el === document.documentElement) return null
  const label = (() => {
    let s = el.tagName.toLowerCase()
    if (el.id) s += `#${el.id}`
    if (el.classList.length) s += `.${[...el.classList].join('.')}`
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30)
    return text ? `${s} "${text}"` : s
  })()
  const problems: string[] = []
  const style = getComputedStyle(el)
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== ''
  if (!outline && !shadow) problems.push(`no focus indicator (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow})`)
  if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) problems.push('focused element is hidden')
  const r = el.getBoundingClientRect()
  if (r.width < 2 || r.height < 2) problems.push(`focused element is ${r.width}×${r.height}`)
  const vw = document.documentElement.clientWidth
  const vh = window.innerHeight
  // WCAG 2.4.11 (Focus Not Obscured, minimum): a real part of the focused element
  // is on screen. Browsers scroll a tall field (a textarea) only until it shows.
  const visibleHeight = Math.min(r.bottom, vh) - Math.max(r.top, 0)
  const visibleWidth = Math.min(r.right, vw) - Math.max(r.left, 0)
  const inView = visibleHeight >= Math.min(r.height, 20) - 1 && visibleWidth >= Math.min(r.width, 20) - 1
  if (!inView) problems.push(`outside the viewport (${r.left.toFixed(0)},${r.top.toFixed(0)} ${r.width.toFixed(0)}×${r.height.toFixed(0)} in ${vw}×${vh})`)
  else {
    // Not covered by something else.
    const x = Math.min(Math.max(r.left + r.width / 2, 0), vw - 1)
    const y = Math.min(Math.max(r.top + r.height / 2, 0), vh - 1)
    const hit = document.elementFromPoint(x, y)
    if (hit && hit !== el && !el.contains(hit) && !hit.contains(el)) problems.push(`covered by ${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}`)
  }
  return { element: label, problems, key: [...document.querySelectorAll('*')].indexOf(el) + ':' + el.outerHTML.slice(0, 80) }
}

async function tabThrough(page: Page): Promise<{ stops: FocusStop[], cycled: boolean }> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur()
    window.scrollTo(0, 0)
  })
  const stops: FocusStop[] = []
  const seen: string[] = []
  let cycled = false
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate(inspectFocus)
    if (!stop) {
      // Focus left the document (past the last element) or fell back to <body>.
      if (stops.length) {
        cycled = true
        break
      }
      continue
    }
    const key = stop.key
    if (seen[0] === key) {
      cycled = true
      break
    }
    seen.push(key)
    stops.push(stop)
  }
  return { stops, cycled }
}

const cases = pages.flatMap(page => modes.map(mode => ({ page, mode, title: `${page.path} (${page.name}) – ${modeName(mode)}` })))

describe('accessibility', () => {
  it.each(cases)('$title', async ({ page: target, mode }: { page: CheckedPage, mode: Mode }) => {
    const { context, page } = contexts.get(modeName(mode))!
    await context.clearCookies({ name: 'nuxt-session' })
    if (target.signIn) {
      const [name, value] = sessions.get(target.signIn)!.split(/=(.*)/s) as [string, string]
      await context.addCookies([{ name, value, url: baseURL }])
    }
    const path = target.path.replace(':ticket', ticket).replace(':organizerEvent', organizerEvent).replace(':quizAttempt', quizAttempt).replace(':contestEntry', contestEntry).replace(':organizerContest', organizerContest)
      .replace(':reviewerCase', reviewerCase).replace(':adminCaseCall', adminCaseCall).replace(':adminCase', adminCase)
      .replace(':caseSlug', caseSlug).replace(':caseSubmission', caseSubmission).replace(':assistedSlip', assistedSlip)
    const missing = missingKeys.get(modeName(mode))!
    missing.length = 0
    await page.setViewportSize(DESKTOP)
    const res = await open(page, path)
    expect(res?.status(), 'HTTP status').toBe(target.status)
    expect(new URL(page.url()).pathname, 'not redirected').toBe(new URL(path, baseURL).pathname)

    // <html lang> and elder class as the server rendered them and after hydration.
    const htmlTag = (await res!.text()).match(/<html\b[^>]*>/i)?.[0] ?? ''
    expect.soft(htmlTag, 'server-rendered <html> tag').toContain(`lang="${mode.lang}"`)
    expect.soft(/\bclass="[^"]*\belder\b/.test(htmlTag), `server-rendered ${htmlTag} has class elder`).toBe(mode.elder)
    expect.soft(await page.getAttribute('html', 'lang'), '<html lang>').toBe(mode.lang)
    expect.soft(await page.evaluate(() => document.documentElement.classList.contains('elder')), 'html.elder').toBe(mode.elder)

    // axe-core, WCAG 2.2 A and AA.
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
    const serious = axe.violations
      .filter(v => v.impact === 'serious' || v.impact === 'critical')
      .map(v => `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map(n => `    ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`).join('\n')}`)
    expect.soft(serious, `axe violations:\n${serious.join('\n')}`).toEqual([])

    const minFont = mode.elder ? 20 : 16
    const m = await page.evaluate(measure, { minFont, minTarget: mode.elder ? 60 : 44, minContrast: ELDER_CONTRAST, elder: mode.elder })

    expect.soft(m.body.fontSize, 'body font-size (px)').toBeGreaterThanOrEqual(minFont)
    expect.soft(m.smallText, `text below ${minFont}px:\n${m.smallText.join('\n')}`).toEqual([])
    expect.soft(m.body.lineHeight, 'body line-height must not be "normal"').not.toBeNull()
    expect.soft(m.body.lineHeight ?? 0, `body line-height ≥ 1.5 × ${m.body.fontSize}px`).toBeGreaterThanOrEqual(1.5 * m.body.fontSize - 0.01)
    expect.soft(m.smallTargets, `targets smaller than ${mode.elder ? 60 : 44}px:\n${m.smallTargets.join('\n')}`).toEqual([])
    if (mode.elder) {
      expect.soft(m.body.contrast, `body text ${m.body.color} on ${m.body.background}`).toBeGreaterThanOrEqual(ELDER_CONTRAST)
      expect.soft(m.lowContrast, `paragraphs below ${ELDER_CONTRAST}:1:\n${m.lowContrast.join('\n')}`).toEqual([])
      expect.soft(m.animated, `animations or transitions in elder mode:\n${m.animated.join('\n')}`).toEqual([])
    }

    // Keyboard: every Tab stop shows where focus is.
    const { stops, cycled } = await tabThrough(page)
    expect.soft(stops.length, 'number of Tab stops').toBeGreaterThan(3)
    const focusProblems = stops.filter(s => s.problems.length).map(s => `${s.element}: ${s.problems.join('; ')}`)
    expect.soft(focusProblems, `focus problems (${cycled ? 'full cycle' : 'first 40 stops'}):\n${focusProblems.join('\n')}`).toEqual([])

    // Reflow (WCAG 1.4.10): no horizontal scrolling at 320 CSS px. The same page, narrowed: the layout is
    // CSS alone (media queries and wrapping), and the Tab walk above only moved focus.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur()
      window.scrollTo(0, 0)
    })
    await page.setViewportSize(NARROW)
    await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    const widths = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth
      const wide = [...document.body.querySelectorAll('*')]
        .filter(el => el.getBoundingClientRect().right > vw + 0.5)
        .map(el => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`)
      return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 10) }
    })
    expect.soft(widths.scrollWidth, `scrollWidth at 320px; wider elements: ${widths.wide.join(', ')}`).toBeLessThanOrEqual(NARROW.width)

    // The first screen (WCAG aside, the elder-first rule): the page's own heading, and its main action where the page
    // marks one (data-main-action), are in view without scrolling on a phone.
    for (const screen of FIRST_SCREENS) {
      await page.setViewportSize(screen)
      await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollTo(0, 0))))))
      const first = await page.evaluate(() => {
        const bottom = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().bottom ?? null
        return { heading: bottom('main h1'), action: bottom('[data-main-action]') }
      })
      expect.soft(first.heading, `the heading's bottom at ${screen.width}×${screen.height}`).not.toBeNull()
      expect.soft(first.heading ?? 0, `the heading's bottom at ${screen.width}×${screen.height}`).toBeLessThanOrEqual(screen.height)
      if (first.action !== null) expect.soft(first.action, `the main action's bottom at ${screen.width}×${screen.height}`).toBeLessThanOrEqual(screen.height)
    }

    // Every string the page showed had a translation (the browser logs "[i18n] missing key" otherwise).
    expect.soft(missing, 'missing translations').toEqual([])
  })
})
