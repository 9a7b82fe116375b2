import { describe, expect, it } from 'vitest'
import { codedEtag } from '~~/server/compression/policy'
import { isPublicRead } from '~~/server/http/cors'
import { isPagePath, PAGE_VARY, pageCacheControl } from '~~/server/http/pages'
import { etagOf, noneMatch } from '~~/server/http/validators'
import { apiRoutes } from '~~/tests/support/routes'

describe('validators', () => {
  it('tags the bytes strongly, and a page without its per-reply nonce weakly', () => {
    const a = etagOf('{"ok":true}')
    expect(a).toMatch(/^"[\w-]{27}"$/)
    expect(etagOf(Buffer.from('{"ok":true}'))).toBe(a)
    expect(etagOf('{"ok":false}')).not.toBe(a)
    const page = (nonce: string) => `<script nonce="${nonce}">1</script>`
    expect(etagOf(page('AAAA'), 'AAAA')).toMatch(/^W\/"/)
    expect(etagOf(page('AAAA'), 'AAAA')).toBe(etagOf(page('BBBB'), 'BBBB'))
    expect(etagOf(Buffer.from(page('CCCC')), 'CCCC')).toBe(etagOf(page('BBBB'), 'BBBB'))
  })

  it('matches If-None-Match weakly, across the coding compression adds', () => {
    const tag = etagOf('x')
    expect(noneMatch(tag, tag)).toBe(tag)
    // The 304 carries the tag the client has (a compressed reply's, with its coding).
    expect(noneMatch(`"other", ${codedEtag(tag, 'br')}`, tag)).toBe(codedEtag(tag, 'br'))
    expect(noneMatch(codedEtag(tag, 'gzip'), tag)).toBe(codedEtag(tag, 'gzip'))
    expect(noneMatch(`W/${tag}`, tag)).toBe(`W/${tag}`)
    expect(noneMatch('*', tag)).toBe(tag)
    expect(noneMatch('"other"', tag)).toBeNull()
    expect(noneMatch(undefined, tag)).toBeNull()
  })
})

describe('pages say whether they may be kept', () => {
  it.each([
    ['/', 'public, no-cache'],
    ['/events', 'public, no-cache'],
    ['/events/some-class', 'public, no-cache'],
    ['/courses/phone-payments/lesson-1/2', 'public, no-cache'],
    ['/tickets/abc', 'private, no-store'],
    ['/release/abc', 'private, no-store'],
    ['/my-bookings', 'private, no-store'],
    ['/my-data', 'private, no-store'],
    ['/organizer', 'private, no-store'],
    ['/organizer/events/new', 'private, no-store'],
    ['/Admin/users', 'private, no-store'],
    ['/%61dmin/users', 'private, no-store'],
    ['/login', 'private, no-store'],
    ['/cases/submissions/1', 'private, no-store'],
    ['/contests/x/play/1', 'private, no-store'],
    ['/quiz/x/result/1', 'private, no-store'],
    ['/courses/resume', 'private, no-store'],
  ])('%s: %s', (path, policy) => {
    expect(pageCacheControl(path, undefined)).toBe(policy)
  })

  it('is personal for anyone with a staff session, whatever the page', () => {
    expect(pageCacheControl('/events', 'lang=en; nuxt-session=abc')).toBe('private, no-store')
    expect(pageCacheControl('/events', 'lang=en; elder=1')).toBe('public, no-cache')
  })

  it('varies on the coding, the language and elder-mode cookies and Accept-Language', () => {
    expect(PAGE_VARY.split(', ')).toEqual(['Accept-Encoding', 'Accept-Language', 'Cookie'])
    expect(isPagePath('/events')).toBe(true)
    expect(isPagePath('/api/events')).toBe(false)
    expect(isPagePath('/_nuxt/entry.js')).toBe(false)
    expect(isPagePath('/favicon.svg')).toBe(false)
    expect(isPagePath('/robots.txt')).toBe(false)
    expect(isPagePath('/tickets/01a2526f.895edc46b00ef022')).toBe(true)
  })
})

describe('CORS: who may read from another origin', () => {
  const read = apiRoutes().filter(r => r.method === 'GET')
  it('the public read-only API and the open data', () => {
    for (const path of ['/api/events', '/api/events/x', '/api/events/x/calendar.ics', '/api/events/suggestions', '/api/venues', '/api/courses/x/lessons/y', '/api/statistics', '/api/statistics/datapackage.json', '/api/statistics/places.csv', '/api/case-calls/x/export.csv', '/api/cases/x', '/api/city', '/api/health', '/api/openapi.json', '/api/quizzes/x/sheet', '/api/contests/x/leaderboard']) {
      expect(isPublicRead(path), path).toBe(true)
    }
  })

  it('nothing staff, personal or behind a secret', () => {
    const closed = read.filter(r => /^(organizer|admin|assisted|auth|tickets|quiz-attempts|contest-entries|case-submissions|progress|my-data|registrations)\//.test(r.file))
    expect(closed.length).toBeGreaterThan(20)
    for (const route of closed) expect(isPublicRead(route.path), route.path).toBe(false)
    // Every public GET that is not personal is open: a new public route is open unless it is listed above.
    const open = read.filter(r => !closed.includes(r))
    for (const route of open) expect(isPublicRead(route.path), route.path).toBe(true)
  })
})
