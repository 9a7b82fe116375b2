import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import * as accountSchemas from '#shared/accounts/schemas'
import * as assistedSchemas from '#shared/assisted/schemas'
import * as auditSchemas from '#shared/audit/schemas'
import * as courseFigureSchemas from '#shared/courses/figures'
import * as courseProgressSchemas from '#shared/courses/progress'
import * as courseRequestSchemas from '#shared/courses/requests'
import * as contestRequests from '#shared/contests/requests'
import * as contestViews from '#shared/contests/views'
import * as caseRequestSchemas from '#shared/cases/requests'
import * as statisticsIllustratedSchemas from '#shared/statistics/illustrated'
import * as statisticsRequestSchemas from '#shared/statistics/requests'
import * as quizRequestSchemas from '#shared/quizzes/requests'
import * as eventOrganizerSchemas from '#shared/events/organizer'
import * as eventRequestSchemas from '#shared/events/requests'
import { eventAudiences, eventCategories } from '#shared/events/vocabulary'
import * as privacySchemas from '#shared/privacy/schemas'
import * as verificationSchemas from '#shared/verification/schemas'
import * as venueSchemas from '#shared/venues/schemas'
import { bodyLimitFor } from '~~/server/utils/body-limit'
import { apiRoutes, example, fillPath, writeMethods, type RouteFile } from '~~/tests/support/routes'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient, DEMO_PASSWORD } from '~~/tests/support/session'

const allRoutes = apiRoutes()
const routes = allRoutes.filter(r => writeMethods.has(r.method))
const source = (file: string) => readFileSync(join(import.meta.dirname, '../../../server/api', file), 'utf8')
const readsBody = (file: string) => source(file).includes('validBody(')
const routeKey = (r: RouteFile) => `${r.method} ${r.pattern}`

const MiB = 1024 * 1024
const stackTrace = /\bat .+\.(m?js|ts):\d+/

// Every shared module a handler's query schema may come from: a handler whose `validQuery(event, x)`
// names a schema not found here fails the test, so a new domain's schemas get added.
const sharedSchemas: Record<string, unknown> = { ...caseRequestSchemas, ...statisticsRequestSchemas, ...statisticsIllustratedSchemas, ...accountSchemas, ...assistedSchemas, ...auditSchemas, ...contestRequests, ...contestViews, ...quizRequestSchemas, ...courseFigureSchemas, ...courseProgressSchemas, ...courseRequestSchemas, ...eventOrganizerSchemas, ...eventRequestSchemas, ...privacySchemas, ...verificationSchemas, ...venueSchemas }
function querySchemaOf(file: string): z.ZodObject | undefined {
  const name = /validQuery\(event,\s*(\w+)\)/.exec(source(file))?.[1]
  if (!name) return undefined
  const schema = sharedSchemas[name]
  if (!(schema instanceof z.ZodObject)) throw new Error(`${file} validates its query with ${name}, which the junk-input test does not import`)
  return schema
}

// ——— Junk bodies (as before) ———

const pollution = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty')
const junkJson = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }),
  fc.dictionary(fc.oneof(pollution, fc.string()), fc.anything({ maxDepth: 2 })),
  fc.record({ email: fc.anything(), password: fc.anything(), role: fc.anything(), displayName: fc.anything(), currentPassword: fc.anything(), newPassword: fc.anything() }, { requiredKeys: [] }),
  fc.string({ minLength: 1000, maxLength: 70_000 }).map(s => ({ email: s, password: s, displayName: s })),
  fc.integer({ min: 50, max: 3000 }).map(depth => JSON.parse('['.repeat(depth) + ']'.repeat(depth))),
).map(v => JSON.stringify(v) ?? 'null')

const junkRaw = fc.oneof(
  junkJson.map(body => ({ body, type: 'application/json' })),
  fc.uint8Array({ minLength: 1, maxLength: 200 }).map(bytes => ({ body: Buffer.from([0xFF, 0xFE, ...bytes]), type: 'application/json' })),
  fc.string().map(body => ({ body: `{"email": ${body}`, type: 'application/json' })),
  fc.string().map(body => ({ body, type: 'text/plain' })),
  fc.string().map(body => ({ body: `email=${encodeURIComponent(body)}&password[]=1&__proto__[x]=1`, type: 'application/x-www-form-urlencoded' })),
)

/** Small junk for chunked bodies: the fields the routes know with values of any type, cut into pieces anywhere (inside a UTF-8 character too). */
const fieldNames = fc.constantFrom('email', 'password', 'phone', 'code', 'name', 'partySize', 'consent', 'reason', 'purpose', 'verificationToken', 'registrationCode', 'ticketToken', 'slug', 'startsAt', 'capacity', 'title', '__proto__', 'constructor')
const smallJunk = fc.tuple(
  fc.oneof(
    fc.dictionary(fieldNames, fc.anything({ maxDepth: 2 }), { maxKeys: 6 }).map(v => JSON.stringify(v)),
    fc.json({ maxDepth: 3 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }).map(s => `{"phone":"${s}`),
    fc.uint8Array({ minLength: 1, maxLength: 300 }).map(bytes => Buffer.from(bytes)),
  ),
  fc.array(fc.nat(), { maxLength: 8 }),
).map(([body, cuts]) => ({ body: Buffer.from(body), cuts }))

// ——— Junk query strings ———

/** Days that do not exist, things that are not dates, instants with odd offsets, numbers that look like weekdays or timestamps. */
const junkDate = fc.oneof(
  fc.constantFrom(
    '9999-99-99', '2026-13-01', '2026-02-30', '2026-02-29', '2026-04-31', '2026-00-10', '0000-00-00', '2026-2-3', '20260301', '2026/03/01', '2019-03-01 ',
    'today', 'yesterday', 'not a date', 'Invalid Date', 'NaN', 'Infinity', '-Infinity', '1e400', '-0', '0', '8', '7.5', '0x7', ' 7 ', '1_000', '७',
    '2019-03-01T10:00:00+99:99', '2019-03-01T25:61:61Z', '2019-03-01T10:00:00+14:45', '2019-03-01T10:00:00-12:59', '2019-03-01T10:00:00.123456789+05:30',
    '+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '2019-03-01T10:00:00 +08:00', '2019-03-01T10:00Z', '2019-03-01T10:00:00+0800', '2026-W09-7',
    '8640000000000001', '-8640000000000001', '1735689600', '1735689600000', '9007199254740993',
  ),
  fc.tuple(fc.integer({ min: -9999, max: 99_999 }), fc.integer({ min: -5, max: 99 }), fc.integer({ min: -5, max: 99 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.date({ noInvalidDate: true, min: new Date(-8.64e15), max: new Date(8.64e15) }).map(d => d.toISOString()),
  fc.tuple(fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2100-01-01') }), fc.integer({ min: -1500, max: 1500 }), fc.integer({ min: -99, max: 99 }))
    .map(([d, h, m]) => `${d.toISOString().slice(0, 19)}${h < 0 ? '-' : '+'}${String(Math.abs(h) % 100).padStart(2, '0')}:${String(Math.abs(m)).padStart(2, '0')}`),
  fc.integer().map(String),
)
const longValue = fc.tuple(fc.constantFrom(['a', 4000], ['9', 4000], ['é', 1000], ['😀', 400], ['%', 1500]), fc.nat()).map(([[c, max], n]) => String(c).repeat(1 + n % Number(max)))
/** A value and whether it goes into the URL as it is (a stray `%`, a broken escape) or encoded. */
const junkValue = fc.oneof(
  junkDate.map(v => ({ v, raw: false })),
  fc.string().map(v => ({ v, raw: false })),
  fc.string({ unit: 'grapheme' }).map(v => ({ v, raw: false })),
  longValue.map(v => ({ v, raw: false })),
  fc.constantFrom('', '__proto__', 'null', 'undefined', 'true', '[]', '{}', '-1', '1e309', '1.5', ' ', '\u0000', '\' OR \'1\'=\'1', 'a&b=c').map(v => ({ v, raw: false })),
  fc.constantFrom('%', '%E0%A4%A', '%00', '%ZZ', '%C0%AF', '%uFFFF', '+', '&', '==', '%26%3D').map(v => ({ v, raw: true })),
)

function junkQuery(names: string[]) {
  const known = names.length ? fc.constantFrom(...names) : fc.constant('q')
  const key = fc.oneof(
    { arbitrary: known, weight: 4 },
    known.map(n => `${n}[]`),
    known.map(n => `${n}[0]`),
    known.map(n => `${n}[a][b]`),
    fc.constantFrom('__proto__', '__proto__[polluted]', 'constructor', 'constructor[prototype][polluted]', 'prototype', 'hasOwnProperty', 'toString', '', '[]', '%', '%E0', 'a%00b'),
    fc.string(),
  ).map(k => ({ k, raw: /^%|%00|%E0/.test(k) }))
  const pair = fc.tuple(key, junkValue)
  const repeated = fc.tuple(known, fc.array(junkValue, { minLength: 2, maxLength: 30 })).map(([k, vs]) => vs.map(v => [{ k, raw: false }, v] as const))
  return fc.oneof(fc.array(pair, { minLength: 1, maxLength: 10 }), repeated, fc.tuple(repeated, fc.array(pair, { maxLength: 5 })).map(([a, b]) => [...a, ...b]))
    .map(pairs => pairs.map(([k, v]) => `${k.raw ? k.k : encodeURIComponent(k.k)}=${v.raw ? v.v : encodeURIComponent(v.v)}`).join('&'))
    // Within Node's 16 KiB for the request line and headers: the handlers should see these (a longer one is tried once, below).
    .filter(q => q.length < 12_000)
}

/** Path parameters: each goes into the URL as written (encoded where the junk is the encoding). */
const junkParams = [
  '%00', 'a%00b', '..%2f..%2fetc%2fpasswd', '..%2F', '%2e%2e', '%2e%2e%2f%2e%2e', '%5c..%5c', '%', '%E0%A4%A', '%C0%AF', '%ZZ', '%25', '%20',
  'a'.repeat(500), '0'.repeat(500), encodeURIComponent('😀'.repeat(50)), encodeURIComponent('事件'), encodeURIComponent('😀'), encodeURIComponent('\' OR 1=1 --'),
  encodeURIComponent('<script>'), '__proto__', 'constructor', 'null', 'undefined', '-1', '1e309', 'EXAMPLE', '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff', '%7B%7D', '%5B%5D',
]

/** Bodies that pass the routes' body schemas, so junk path parameters are looked at (a handler may check the body first). */
const passingBodies: Record<string, unknown> = {
  'PATCH /api/organizer/events/[id]': { capacity: 60 },
  'POST /api/organizer/events/[id]/check-ins': { code: 'ABCDEF' },
  'POST /api/organizer/events/[id]/reveal': { registrationCode: 'ABCDEF', reason: 'Calling about a change' },
  'POST /api/organizer/events/[id]/walk-ins': { name: '现场居民', phone: '13712345678', partySize: 1, consent: true },
  'POST /api/organizer/events/[id]/messages': { text: '请从北门进入' },
  'POST /api/organizer/events/[id]/feedback': { overall: 4, learned: 'yes' },
  'POST /api/tickets/[token]/feedback': { overall: 4, learned: 'yes' },
  'POST /api/organizer/events/[id]/registrations.csv': { reason: 'Attendance list for the venue' },
  'POST /api/organizer/events/[id]/registrations.xlsx': { reason: 'Attendance list for the venue' },
  'POST /api/events/[slug]/registrations': { name: '测试居民', phone: '13912345678', partySize: 1, consent: true },
}

interface Answer { status: number, text: string, json?: Record<string, unknown> }

/** Any answer: below 500; an error is JSON with its status and without a stack trace. */
async function check(res: Response | { status: number, headers: Headers | Record<string, unknown>, text: string }, label: string): Promise<Answer> {
  const text = res instanceof Response ? await res.text() : res.text
  expect(res.status, `${label} → ${res.status}: ${text.slice(0, 300)}`).toBeLessThan(500)
  expect(text, label).not.toMatch(stackTrace)
  if (res.status < 400) return { status: res.status, text }
  const type = res.headers instanceof Headers ? res.headers.get('content-type') : res.headers['content-type']
  expect(String(type), `${label} → ${res.status}`).toMatch(/json/)
  const json = JSON.parse(text) as Record<string, unknown>
  expect(json, label).toMatchObject({ statusCode: res.status })
  expect(json, label).not.toHaveProperty('stack')
  return { status: res.status, text, json }
}

const fieldErrorsOf = (a: Answer) => Object.keys(((a.json?.data as { fieldErrors?: object } | undefined)?.fieldErrors) ?? {})

/** Sends `size` bytes with http.request, chunked or with a Content-Length; resolves at the answer (the server stops reading at the cap). */
function sendLarge(url: string, method: string, size: number, chunked: boolean, cookie: string): Promise<{ status: number, headers: Record<string, unknown>, text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }
    if (chunked) headers['transfer-encoding'] = 'chunked'
    else headers['content-length'] = String(size)
    // A connection of its own, kept alive (a closing one races the 413 against the upload's EPIPE), dropped after the answer.
    const agent = new Agent({ keepAlive: true })
    const req = request(url, { method, headers, agent })
    let answered = false
    req.on('response', (res) => {
      answered = true
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => text += d)
      res.on('end', () => {
        resolve({ status: res.statusCode!, headers: res.headers, text })
        agent.destroy()
      })
      res.on('error', reject)
    })
    // Once answered, the server cuts the connection under the rest of the upload: that error is expected.
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    const chunk = Buffer.alloc(64 * 1024, 'a')
    let sent = 0
    const pump = () => {
      while (!answered && sent < size) {
        const part = sent === 0 ? Buffer.concat([Buffer.from('{"email":"'), chunk.subarray(10)]) : chunk.subarray(0, Math.min(chunk.length, size - sent))
        sent += part.length
        if (!req.write(part)) return void req.once('drain', pump)
      }
      if (!answered) req.end()
    }
    pump()
  })
}

/** A body as a stream, cut at the given points: fetch sends it chunked, without a Content-Length. */
function streamOf(body: Buffer, cuts: number[]) {
  const points = [...new Set(cuts.map(c => c % (body.length + 1)))].sort((a, b) => a - b)
  const pieces = [0, ...points, body.length].flatMap((at, i, all) => (i === 0 ? [] : [body.subarray(all[i - 1], at)])).filter(p => p.length)
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(new Uint8Array(piece))
      controller.close()
    },
  })
}

describe('junk input to every route', () => {
  let server: RunningServer
  const clients: Record<string, ApiClient> = {}
  /** Real values for path parameters, so junk queries reach past the look-up. */
  const real: Record<string, string> = {}
  let openApiQuery: Record<string, string[]> = {}
  /** What each route answered to junk queries and path parameters. */
  const seen = new Map<string, Answer[]>()
  const note = (r: RouteFile, a: Answer) => void (seen.get(routeKey(r)) ?? seen.set(routeKey(r), []).get(routeKey(r))!).push(a)

  beforeAll(async () => {
    // Rate limits scaled up, so the junk reaches the handlers (limits have their own tests).
    server = await startServer({ PORTAL_RATE_SCALE: '100' })
    clients.anonymous = new ApiClient(server.url)
    clients.organizer = new ApiClient(server.url)
    clients.admin = new ApiClient(server.url)
    clients.reviewer = new ApiClient(server.url)
    clients.helper = new ApiClient(server.url)
    await clients.reviewer.login('reviewer@demo.local')
    await clients.helper.login('helper@demo.local')
    await clients.organizer.login('organizer@demo.local')
    await clients.admin.login('admin@demo.local')
    real.slug = (await clients.anonymous.get('/api/events')).json.items[0].slug
    real.id = (await clients.organizer.get('/api/organizer/events')).json.items[0].id
    // A statistics table, so that junk queries reach past the file name (a case picture's name is refused as a path parameter).
    real.file = 'events-by-district.csv'
    const doc = (await clients.anonymous.get('/api/openapi.json')).json as { paths: Record<string, Record<string, { parameters?: { name: string, in: string }[] }>> }
    openApiQuery = Object.fromEntries(Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [
      `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, '[$1]')}`,
      (op.parameters ?? []).filter(p => p.in === 'query').map(p => p.name),
    ])))
  })
  afterAll(async () => {
    await server?.stop()
  })

  /** The client a route is tried with: staff routes with their staff, sign-out never with a session (it ends the account's sessions). */
  function clientFor(route: RouteFile, who: string) {
    if (route.pattern === '/api/auth/logout') return clients.anonymous!
    if (route.pattern.startsWith('/api/admin')) return clients.admin!
    if (route.pattern.startsWith('/api/organizer/cases')) return clients.reviewer!
    if (route.pattern.startsWith('/api/organizer')) return clients.organizer!
    if (route.pattern.startsWith('/api/assisted')) return clients.helper!
    return clients[who]!
  }
  const queryNames = (route: RouteFile) => [...new Set([...Object.keys(querySchemaOf(route.file)?.shape ?? {}), ...(openApiQuery[routeKey(route)] ?? [])])]

  it('covers every route, and knows the query parameters from the schemas and the OpenAPI document', () => {
    expect(routes.map(r => r.path)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/admin/users']))
    expect(allRoutes.length).toBeGreaterThan(routes.length)
    expect(queryNames(allRoutes.find(r => r.pattern === '/api/events')!)).toEqual(expect.arrayContaining(['date', 'page', 'pageSize', 'audience', 'q']))
    expect(queryNames(allRoutes.find(r => r.pattern === '/api/admin/audit')!)).toEqual(expect.arrayContaining(['action', 'page']))
    expect(queryNames(allRoutes.find(r => r.pattern === '/api/events/[slug]/calendar.ics')!)).toEqual(['lang'])
    // Every query parameter the document names is one the schema knows.
    for (const route of allRoutes) {
      const schema = querySchemaOf(route.file)
      if (schema) expect(Object.keys(schema.shape), routeKey(route)).toEqual(expect.arrayContaining(openApiQuery[routeKey(route)] ?? []))
    }
  })

  it('reaches the handlers: junk gets their field errors, not only a gate\'s refusal', async () => {
    const date = await check(await fetch(`${server.url}/api/events?date=2026-02-30`), 'date')
    expect(date.status).toBe(400)
    expect(fieldErrorsOf(date)).toEqual(['date'])
    const slug = await check(await fetch(`${server.url}/api/events/%00`), 'slug')
    expect(slug.status).toBe(400)
    expect(fieldErrorsOf(slug)).toEqual(['slug'])
    const chunked = await check(await fetch(`${server.url}/api/registrations/lookup`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: streamOf(Buffer.from('{"phone":"1380013800","code":"ABC"}'), [3, 17]), duplex: 'half',
    } as RequestInit), 'chunked lookup')
    expect(chunked.status).toBe(422)
    expect(fieldErrorsOf(chunked).sort()).toEqual(['code', 'phone'])
    const big = await sendLarge(`${server.url}/api/registrations/lookup`, 'POST', MiB, true, '')
    expect(big.status).toBe(413)
  })

  it.each(allRoutes)('$method $pattern: junk query strings get a JSON 4xx, never a 5xx', async (route) => {
    const names = queryNames(route)
    const body = writeMethods.has(route.method) ? '{}' : undefined
    // Reads go to a real event, so the query is looked at; writes to an example one, so junk changes nothing.
    const path = fillPath(route.pattern, p => (body === undefined ? real[p] ?? example(p) : example(p)))
    await fc.assert(fc.asyncProperty(junkQuery(names), fc.constantFrom('anonymous', 'organizer', 'admin'), async (query, who) => {
      const client = clientFor(route, who)
      const res = await fetch(`${server.url}${path}?${query}`, {
        method: route.method,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(client.cookie ? { cookie: client.cookie } : {}) },
        body,
        redirect: 'manual',
      })
      note(route, await check(res, `${route.method} ${path}?${query.slice(0, 200)}`))
    }), { numRuns: 15 })
  })

  it.each(allRoutes.filter(r => r.params.length))('$method $pattern: junk path parameters get a JSON 4xx, never a 5xx', async (route) => {
    const body = writeMethods.has(route.method) ? JSON.stringify(passingBodies[routeKey(route)] ?? {}) : undefined
    const client = clientFor(route, 'organizer')
    for (const param of route.params) {
      for (const junk of junkParams) {
        const path = fillPath(route.pattern, p => (p === param ? junk : body === undefined ? real[p] ?? example(p) : example(p)))
        const res = await fetch(`${server.url}${path}`, {
          method: route.method,
          headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(client.cookie ? { cookie: client.cookie } : {}) },
          body,
          redirect: 'manual',
        })
        note(route, await check(res, `${route.method} ${path.slice(0, 200)}`))
      }
    }
  })

  it('saw the handlers refuse junk queries and parameters with field errors', () => {
    for (const route of allRoutes) {
      const answers = seen.get(routeKey(route)) ?? []
      expect(answers.length, routeKey(route)).toBeGreaterThan(0)
      const fields = new Set(answers.filter(a => a.status === 400).flatMap(fieldErrorsOf))
      // The attendee search trims and cuts any code (a malformed one matches nothing), so its query never fails.
      const schema = route.pattern === '/api/organizer/events/[id]/registrations' ? undefined : querySchemaOf(route.file)
      if (schema) expect([...fields].some(f => f === '_' || f.split('.')[0]! in schema.shape), `${routeKey(route)} never refused a junk query: ${[...fields]}`).toBe(true)
      if (route.params.length) {
        expect([...fields].some(f => route.params.includes(f)), `${routeKey(route)} never refused a junk path parameter`).toBe(true)
      }
    }
  })

  it('answers a query string beyond Node\'s header limit with a 4xx', async () => {
    const res = await fetch(`${server.url}/api/events?q=${'a'.repeat(20_000)}`)
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
  })

  it.each(routes)('$method $pattern answers junk with a JSON 4xx, never a 5xx', async (route) => {
    const { method, path, file } = route
    const expectClientError = readsBody(file)
    await fc.assert(fc.asyncProperty(junkRaw, fc.constantFrom('anonymous', 'organizer', 'admin'), async (junk, who) => {
      // Signing out ends the account's sessions on the server, whatever the body: junk goes there without one.
      const client = path === '/api/auth/logout' ? clients.anonymous! : clients[who]!
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': junk.type, ...(client.cookie ? { cookie: client.cookie } : {}) },
        body: junk.body,
      })
      const answer = await check(res, `${method} ${path}`)
      if (expectClientError) expect(answer.status).toBeGreaterThanOrEqual(400)
    }), { numRuns: 25 })
  })

  it.each(routes)('$method $pattern: small chunked junk bodies get a JSON 4xx, never a 5xx', async (route) => {
    const expectClientError = readsBody(route.file)
    await fc.assert(fc.asyncProperty(smallJunk, fc.constantFrom('anonymous', 'organizer', 'admin'), async ({ body, cuts }, who) => {
      const client = clientFor(route, who)
      const res = await fetch(`${server.url}${route.path}`, {
        method: route.method,
        headers: { 'content-type': 'application/json', ...(client.cookie ? { cookie: client.cookie } : {}) },
        body: streamOf(body, cuts),
        duplex: 'half',
      } as RequestInit)
      const answer = await check(res, `${route.method} ${route.path} chunked`)
      if (expectClientError) expect(answer.status).toBeGreaterThanOrEqual(400)
    }), { numRuns: 10 })
  })

  it.each(routes)('$method $pattern: a body past its cap (1 MiB, or a file route\'s cap and more), chunked or with its length, is a 413', async (route) => {
    const size = Math.max(MiB, bodyLimitFor(route.path) + MiB)
    for (const chunked of [true, false]) {
      const client = clientFor(route, 'organizer')
      const answer = await sendLarge(`${server.url}${route.path}`, route.method, size, chunked, client.cookie)
      await check(answer, `${route.method} ${route.path} 1 MiB ${chunked ? 'chunked' : 'with a length'}`)
      expect(answer.status).toBe(413)
    }
  })

  describe('the same request ten times at once', () => {
    const soon = (days: number, hours = 0) => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + days * 86_400_000 + hours * 3_600_000).toISOString()
    const phone = '13912345678'
    const state: { eventId?: string, slug?: string, code?: string, ticketToken?: string, smsCode?: string, dataToken?: string, userId?: string, userEmail?: string, initialPassword?: string, resumeCode?: string, attemptId?: string, itemId?: string, contestId?: string, contestSlug?: string, contestToken?: string, entryId?: string, contestItem?: { id: string, kind: string }, caseId?: string, caseSlug?: string, voteToken?: string, reviewCase?: string, callId?: string, callSlug?: string, assistedId?: string } = {}
    let member: ApiClient

    interface Duplicate { client: () => ApiClient, path: () => string, body?: () => unknown, after?: (answers: Answer[]) => void | Promise<void> }
    const newEventBody = async () => {
      const org = (await clients.organizer!.get('/api/organizer/organisation')).json
      const venue = org.venues[0]
      return {
        slug: state.slug, title: { zh: '并发测试活动', en: 'Concurrency test' }, summary: { zh: '并发测试', en: 'Ten at once' }, description: { zh: '同一请求同时发送十次。', en: 'The same request ten times at once.' },
        startsAt: soon(20), endsAt: soon(20, 2), venueCode: venue.code, district: venue.district, category: eventCategories[0], audience: [eventAudiences[0]],
        format: 'onsite', capacity: 50, maxPartySize: 4, bookingOpensAt: soon(-1), bookingClosesAt: soon(19),
      }
    }
    let eventBody: unknown
    const ok = (a: Answer) => a.status < 300
    const firstJson = (answers: Answer[]) => answers.filter(ok).map(a => JSON.parse(a.text) as Record<string, string>)[0]
    const callBody = () => ({
      slug: state.callSlug, title: { zh: '并发测试征集', en: 'Concurrency call' }, rules: { zh: '规则', en: 'Rules' },
      opensAt: soon(-1), closesAt: soon(10), voteOpensAt: soon(1), voteClosesAt: soon(20), votesPerPerson: 3, voteWeight: 20, weights: { exemplary: 40, innovative: 30, replicable: 30 },
    })
    const eventPath = (rest = '') => `/api/organizer/events/${state.eventId ?? example('id')}${rest}`

    /** In this order: each may use what the ones before made (an event, a booking, an account). */
    const duplicates: Record<string, Duplicate> = {
      'POST /api/organizer/events': { client: () => clients.organizer!, path: () => '/api/organizer/events', body: () => eventBody, after: (answers) => {
        state.eventId = firstJson(answers)?.id
      } },
      'POST /api/organizer/events/[id]/publish': { client: () => clients.organizer!, path: () => eventPath('/publish') },
      'PATCH /api/organizer/events/[id]': { client: () => clients.organizer!, path: () => eventPath(), body: () => ({ capacity: 60, title: { zh: '并发测试活动（改）', en: 'Concurrency test (edited)' } }) },
      'POST /api/events/[slug]/registrations': { client: () => clients.anonymous!, path: () => `/api/events/${state.slug}/registrations`, body: () => ({ name: '测试居民', phone, partySize: 2, consent: true }), after: (answers) => {
        const booked = firstJson(answers)
        state.code = booked?.code
        state.ticketToken = booked?.ticketToken
      } },
      // A helper books for a resident ten times at once: one booking, nine refused as duplicates; then cancels it ten times.
      'POST /api/assisted/registrations': { client: () => clients.helper!, path: () => '/api/assisted/registrations', body: () => ({ event: state.slug, name: '测试居民', contact: 'mobile', phone: '13912340000', partySize: 1, consent: 'in-person' }), after: (answers) => {
        expect(answers.filter(ok)).toHaveLength(1)
        state.assistedId = firstJson(answers)?.id
      } },
      'POST /api/assisted/registrations/[id]/cancel': { client: () => clients.helper!, path: () => `/api/assisted/registrations/${state.assistedId ?? example('id')}/cancel` },
      'POST /api/registrations/lookup': { client: () => clients.anonymous!, path: () => '/api/registrations/lookup', body: () => ({ phone, code: state.code ?? 'ABCDEF' }) },
      'POST /api/registrations/change': { client: () => clients.anonymous!, path: () => '/api/registrations/change', body: () => ({ phone, code: state.code ?? 'ABCDEF', partySize: 1 }) },
      'POST /api/organizer/events/[id]/reveal': { client: () => clients.organizer!, path: () => eventPath('/reveal'), body: () => ({ registrationCode: state.code ?? 'ABCDEF', reason: 'Calling about a change' }) },
      'POST /api/organizer/events/[id]/check-ins': { client: () => clients.organizer!, path: () => eventPath('/check-ins'), body: () => ({ code: state.code ?? 'ABCDEF' }) },
      'POST /api/organizer/events/[id]/walk-ins': { client: () => clients.organizer!, path: () => eventPath('/walk-ins'), body: () => ({ name: '现场居民', phone: '13712345678', partySize: 1, consent: true }) },
      'POST /api/organizer/events/[id]/messages': { client: () => clients.organizer!, path: () => eventPath('/messages'), body: () => ({ text: '十条同时发出的通知' }), after: (answers) => {
        // Three per event, however many arrive at once: the rest are 409s.
        expect(answers.filter(a => a.status === 201).length).toBeLessThanOrEqual(3)
        expect(answers.filter(a => a.status !== 201).every(a => a.status === 409)).toBe(true)
      } },
      'POST /api/organizer/events/[id]/feedback': { client: () => clients.organizer!, path: () => eventPath('/feedback'), body: () => ({ overall: 4, learned: 'yes', ...(state.code ? { registrationCode: state.code } : {}) }), after: (answers) => {
        // One answer per booking code, however many are typed in at once.
        expect(answers.filter(a => a.status === 201).length).toBeLessThanOrEqual(1)
      } },
      'POST /api/tickets/[token]/feedback': { client: () => clients.anonymous!, path: () => `/api/tickets/${state.ticketToken ?? example('token')}/feedback`, body: () => ({ overall: 4, learned: 'yes' }), after: (answers) => {
        expect(answers.filter(a => a.status === 201).length).toBeLessThanOrEqual(1)
      } },
      'POST /api/organizer/events/[id]/registrations.csv': { client: () => clients.organizer!, path: () => eventPath('/registrations.csv'), body: () => ({ reason: 'Attendance list for the venue' }) },
      'POST /api/organizer/events/[id]/registrations.xlsx': { client: () => clients.organizer!, path: () => eventPath('/registrations.xlsx'), body: () => ({ reason: 'Attendance list for the venue' }) },
      'POST /api/organizer/events/import': { client: () => clients.organizer!, path: () => '/api/organizer/events/import', body: () => ({ file: 'not multipart' }) },
      'POST /api/organizer/events/[id]/duplicate': { client: () => clients.organizer!, path: () => eventPath('/duplicate') },
      'POST /api/tickets/[token]/release': { client: () => clients.anonymous!, path: () => `/api/tickets/${state.ticketToken ?? example('token')}/release` },
      // Unsigned here (the suite's server has no webhook secret): ten at once are ten 401s.
      'POST /api/sms/inbound': { client: () => clients.anonymous!, path: () => '/api/sms/inbound', body: () => ({ id: 'ten-at-once', from: phone, text: '0', receivedAt: new Date().toISOString() }) },
      'POST /api/registrations/cancel': { client: () => clients.anonymous!, path: () => '/api/registrations/cancel', body: () => ({ phone, code: state.code ?? 'ABCDEF' }) },
      'POST /api/organizer/events/[id]/unpublish': { client: () => clients.organizer!, path: () => eventPath('/unpublish') },
      'POST /api/organizer/events/[id]/cancel': { client: () => clients.organizer!, path: () => eventPath('/cancel') },
      'POST /api/organizer/venues': { client: () => clients.organizer!, path: () => '/api/organizer/venues', body: () => ({
        name: { zh: '并发测试场馆', en: 'Concurrency venue' }, kind: venueSchemas.venueCreateBody.shape.kind.options[0], district: 'heping', address: { zh: '和平区测试路1号', en: '1 Test Road' },
        openingHours: { zh: '9:00–17:00', en: '9:00–17:00' }, access: { stepFree: true, hearingLoop: false, parking: false },
      }) },
      'POST /api/verifications': { client: () => clients.anonymous!, path: () => '/api/verifications', body: () => ({ phone: '13600000001', purpose: 'my-data' }) },
      'POST /api/verifications/confirm': { client: () => clients.anonymous!, path: () => '/api/verifications/confirm', body: () => ({ phone: '13600000002', purpose: 'my-data', code: state.smsCode ?? '000000' }) },
      'POST /api/my-data': { client: () => clients.anonymous!, path: () => '/api/my-data', body: () => ({ verificationToken: state.dataToken ?? 'x'.repeat(20) }) },
      'POST /api/my-data/erase': { client: () => clients.anonymous!, path: () => '/api/my-data/erase', body: () => ({ verificationToken: state.dataToken ?? 'x'.repeat(20) }) },
      'POST /api/admin/users': { client: () => clients.admin!, path: () => '/api/admin/users', body: () => ({ email: state.userEmail, displayName: 'Ten at once', role: 'organizer', organisationCode: 'heping-telecom-experience-centre' }), after: async (answers) => {
        const created = answers.filter(ok).map(a => JSON.parse(a.text) as { user: { id: string }, initialPassword: string })
        // One account for one e-mail address, however many ask at once.
        expect(created).toHaveLength(1)
        state.userId = created[0]!.user.id
        state.initialPassword = created[0]!.initialPassword
        member = new ApiClient(server.url)
        await member.login(state.userEmail!, state.initialPassword)
      } },
      'POST /api/auth/password': { client: () => member, path: () => '/api/auth/password', body: () => ({ currentPassword: state.initialPassword, newPassword: 'a new password 2026' }) },
      'POST /api/auth/login': { client: () => clients.anonymous!, path: () => '/api/auth/login', body: () => ({ email: 'organizer@demo.local', password: DEMO_PASSWORD }) },
      'POST /api/auth/logout': { client: () => clients.anonymous!, path: () => '/api/auth/logout' },
      'POST /api/admin/users/[id]/disable': { client: () => clients.admin!, path: () => `/api/admin/users/${state.userId ?? example('id')}/disable` },
      'POST /api/admin/users/[id]/enable': { client: () => clients.admin!, path: () => `/api/admin/users/${state.userId ?? example('id')}/enable` },
      'POST /api/progress': { client: () => clients.anonymous!, path: () => '/api/progress', body: () => ({ course: 'pay-by-phone-safely', lesson: 'scan-to-pay', step: 1 }), after: (answers) => {
        // Ten asks, ten different codes.
        const codes = answers.filter(ok).map(a => (JSON.parse(a.text) as { resumeCode: string }).resumeCode)
        expect(new Set(codes).size).toBe(codes.length)
        state.resumeCode = codes[0]
      } },
      'PUT /api/progress/[code]': { client: () => clients.anonymous!, path: () => `/api/progress/${state.resumeCode ?? 'ACEFGHJ'}`, body: () => ({ course: 'pay-by-phone-safely', lesson: 'scan-to-pay', step: 2, completed: true }) },
      'POST /api/quizzes/[slug]/attempts': { client: () => clients.anonymous!, path: () => '/api/quizzes/quick-check/attempts', after: (answers) => {
        const made = answers.filter(ok).map(a => JSON.parse(a.text) as { attemptId: string, items: Array<{ id: string }> })
        state.attemptId = made[0]?.attemptId
        state.itemId = made[0]?.items[0]?.id
      } },
      'POST /api/quiz-attempts/[id]/answers': { client: () => clients.anonymous!, path: () => `/api/quiz-attempts/${state.attemptId ?? example('id')}/answers`, body: () => ({ itemId: state.itemId ?? 'example', answer: { verdict: 'scam' } }), after: (answers) => {
        // One judgement per item, however many arrive at once.
        expect(answers.filter(ok)).toHaveLength(1)
      } },
      'POST /api/organizer/contests': { client: () => clients.organizer!, path: () => '/api/organizer/contests', body: () => ({
        slug: state.contestSlug, title: { zh: '并发测试竞赛', en: 'Concurrency contest' }, rules: { zh: '规则', en: 'Rules' },
        opensAt: new Date(Date.now() - 3_600_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        questionsPerEntry: 5, teamKind: 'district', leaderboard: 'live', topics: ['fraud'], withQuizItems: true,
      }), after: (answers) => {
        const made = answers.filter(a => a.status === 201).map(a => JSON.parse(a.text) as { id: string })
        expect(made).toHaveLength(1)
        state.contestId = made[0]!.id
      } },
      'PUT /api/organizer/contests/[id]': { client: () => clients.organizer!, path: () => `/api/organizer/contests/${state.contestId ?? example('id')}`, body: () => ({
        slug: state.contestSlug, title: { zh: '并发测试竞赛（改）', en: 'Concurrency contest (edited)' }, rules: { zh: '规则', en: 'Rules' },
        opensAt: new Date(Date.now() - 3_600_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        questionsPerEntry: 5, teamKind: 'district', leaderboard: 'live', topics: ['fraud'], withQuizItems: true,
      }) },
      'POST /api/contests/[slug]/entries': { client: () => clients.anonymous!, path: () => `/api/contests/${state.contestSlug}/entries`, body: () => ({ verificationToken: state.contestToken ?? 'x'.repeat(20), phone: '13600000005', team: 'heping', nickname: '十个同时' }), after: (answers) => {
        const made = answers.filter(a => a.status === 201).map(a => JSON.parse(a.text) as { entryId: string, items: Array<{ id: string, kind: string }> })
        expect(made.length).toBeLessThanOrEqual(1)
        state.entryId = made[0]?.entryId
        state.contestItem = made[0]?.items[0]
      } },
      'POST /api/contest-entries/[id]/answers': { client: () => clients.anonymous!, path: () => `/api/contest-entries/${state.entryId ?? example('id')}/answers`, body: () => ({ itemId: state.contestItem?.id ?? 'example', answer: state.contestItem?.kind === 'judge' ? { verdict: 'scam' } : { option: 0 } }), after: (answers) => {
        expect(answers.filter(ok).length).toBeLessThanOrEqual(1)
      } },
      'POST /api/organizer/contests/[id]/entries/[entry]/disqualify': { client: () => clients.organizer!, path: () => `/api/organizer/contests/${state.contestId ?? example('id')}/entries/${state.entryId ?? example('id')}/disqualify`, body: () => ({ reason: 'Ten at once test' }) },
      'POST /api/organizer/contests/[id]/results.csv': { client: () => clients.organizer!, path: () => `/api/organizer/contests/${state.contestId ?? example('id')}/results.csv`, body: () => ({}) },
      'POST /api/case-calls/[slug]/submissions': { client: () => clients.admin!, path: () => '/api/case-calls/week-case-call/submissions', body: () => ({ contactName: '十个同时', contactPhone: '13600000006', title: '并发测试案例' }), after: (answers) => {
        const made = answers.filter(a => a.status === 201).map(a => JSON.parse(a.text) as { id: string })
        // A staff session needs no verification: ten drafts, each its own.
        expect(new Set(made.map(m => m.id)).size).toBe(made.length)
        state.caseId = made[0]?.id
      } },
      'PATCH /api/case-submissions/[id]': { client: () => clients.admin!, path: () => `/api/case-submissions/${state.caseId ?? example('id')}`, body: () => ({ summary: '同一请求同时发送十次，草稿只保存一份，不会出错。' }) },
      'POST /api/case-submissions/[id]/images': { client: () => clients.admin!, path: () => `/api/case-submissions/${state.caseId ?? example('id')}/images`, body: () => ({ file: 'not multipart' }) },
      'DELETE /api/case-submissions/[id]/images/[image]': { client: () => clients.admin!, path: () => `/api/case-submissions/${state.caseId ?? example('id')}/images/${example('id')}` },
      'POST /api/cases/[slug]/votes': { client: () => clients.anonymous!, path: () => `/api/cases/${state.caseSlug}/votes`, body: () => ({ verificationToken: state.voteToken ?? 'x'.repeat(20) }), after: (answers) => {
        // One token, one vote.
        expect(answers.filter(a => a.status === 201)).toHaveLength(1)
      } },
      'POST /api/cases/[slug]/reports': { client: () => clients.anonymous!, path: () => `/api/cases/${state.caseSlug}/reports`, body: () => ({ reason: 'other', details: '十个同时' }) },
      'PUT /api/organizer/cases/conflicts': { client: () => clients.reviewer!, path: () => '/api/organizer/cases/conflicts', body: () => ({ creditCodes: ['91350100M000100Y43'] }), after: async () => {
        expect((await clients.reviewer!.get('/api/organizer/cases/conflicts')).json.creditCodes).toEqual(['91350100M000100Y43'])
        await clients.reviewer!.request('PUT', '/api/organizer/cases/conflicts', { creditCodes: [] })
      } },
      'PUT /api/organizer/cases/[id]/review': { client: () => clients.reviewer!, path: () => `/api/organizer/cases/${state.reviewCase ?? example('id')}/review`, body: () => ({
        exemplary: { score: 4, comment: '十个同时评分' }, innovative: { score: 3, comment: '十个同时评分' }, replicable: { score: 5, comment: '十个同时评分' },
      }), after: (answers) => {
        // A review is handed in once, however many arrive at once.
        expect(answers.filter(ok)).toHaveLength(1)
      } },
      'POST /api/organizer/cases/[id]/recuse': { client: () => clients.reviewer!, path: () => `/api/organizer/cases/${state.reviewCase ?? example('id')}/recuse`, body: () => ({ note: 'Ten at once test' }) },
      'POST /api/admin/cases/calls': { client: () => clients.admin!, path: () => '/api/admin/cases/calls', body: () => callBody(), after: (answers) => {
        const made = answers.filter(a => a.status === 201).map(a => JSON.parse(a.text) as { id: string })
        expect(made).toHaveLength(1)
        state.callId = made[0]!.id
      } },
      'PUT /api/admin/cases/calls/[id]': { client: () => clients.admin!, path: () => `/api/admin/cases/calls/${state.callId ?? example('id')}`, body: () => ({ ...callBody(), votesPerPerson: 5 }) },
      'POST /api/admin/cases/calls/[id]/ranking': { client: () => clients.admin!, path: () => `/api/admin/cases/calls/${state.callId ?? example('id')}/ranking`, body: () => ({ publish: true }) },
      'PUT /api/admin/cases/[id]/reviewers': { client: () => clients.admin!, path: () => `/api/admin/cases/${state.caseId ?? example('id')}/reviewers`, body: () => ({ reviewerIds: [example('id')] }) },
      'POST /api/admin/cases/[id]/status': { client: () => clients.admin!, path: () => `/api/admin/cases/${state.caseId ?? example('id')}/status`, body: () => ({ status: 'rejected', reason: 'Ten at once test' }) },
      'POST /api/admin/cases/[id]/visibility': { client: () => clients.admin!, path: () => `/api/admin/cases/${state.caseId ?? example('id')}/visibility`, body: () => ({ hidden: true, reason: 'Ten at once test' }) },
      'POST /api/admin/cases/[id]/images/[image]/takedown': { client: () => clients.admin!, path: () => `/api/admin/cases/${state.caseId ?? example('id')}/images/${example('id')}/takedown`, body: () => ({ reason: 'Ten at once test' }) },
      'POST /api/admin/cases/[id]/contact': { client: () => clients.admin!, path: () => `/api/admin/cases/${state.caseId ?? example('id')}/contact`, body: () => ({ reason: 'Ten at once test' }) },
      'POST /api/course-activity': { client: () => clients.anonymous!, path: () => '/api/course-activity', body: () => ({ course: 'pay-by-phone-safely', lesson: 'scan-to-pay', step: 1 }) },
    }

    beforeAll(async () => {
      state.slug = `ten-at-once-${Date.now().toString(36)}`
      state.userEmail = `ten-at-once-${Date.now().toString(36)}@demo.local`
      state.contestSlug = `ten-at-once-${Date.now().toString(36)}`
      state.callSlug = `ten-at-once-${Date.now().toString(36)}`
      state.caseSlug = (await clients.anonymous!.get('/api/cases?call=week-case-call')).json.items[0].slug
      // The demo's case in review that reviewer@demo.local has not scored yet.
      state.reviewCase = (await clients.reviewer!.get('/api/organizer/cases')).json.items.find((c: { reviewState: string, status: string }) => c.reviewState === 'to-do' && c.status === 'in-review')?.id
      eventBody = await newEventBody()
    })

    it('has a request for every write route', () => {
      expect(Object.keys(duplicates).sort()).toEqual(routes.map(routeKey).sort())
    })

    it.each(Object.keys(duplicates))('%s, ten at once: never a 5xx', async (key) => {
      const duplicate = duplicates[key]!
      const [method] = key.split(' ')
      // The verification routes need a code first, and my-data a token: each made here, one at a time.
      if (key === 'POST /api/verifications/confirm') {
        state.smsCode = (await clients.anonymous!.post('/api/verifications', { phone: '13600000002', purpose: 'my-data' })).json.demoCode
      }
      if (key === 'POST /api/contests/[slug]/entries') {
        const { demoCode } = (await clients.anonymous!.post('/api/verifications', { phone: '13600000005', purpose: 'contest-entry' })).json
        state.contestToken = (await clients.anonymous!.post('/api/verifications/confirm', { phone: '13600000005', purpose: 'contest-entry', code: demoCode })).json.verificationToken
      }
      if (key === 'POST /api/cases/[slug]/votes') {
        const { demoCode } = (await clients.anonymous!.post('/api/verifications', { phone: '13600000007', purpose: 'case-vote' })).json
        state.voteToken = (await clients.anonymous!.post('/api/verifications/confirm', { phone: '13600000007', purpose: 'case-vote', code: demoCode })).json.verificationToken
      }
      if (key === 'POST /api/my-data' || key === 'POST /api/my-data/erase') {
        const phoneForData = key === 'POST /api/my-data' ? '13600000003' : '13600000004'
        const { demoCode } = (await clients.anonymous!.post('/api/verifications', { phone: phoneForData, purpose: 'my-data' })).json
        state.dataToken = (await clients.anonymous!.post('/api/verifications/confirm', { phone: phoneForData, purpose: 'my-data', code: demoCode })).json.verificationToken
      }
      const client = duplicate.client()
      const path = duplicate.path()
      const body = duplicate.body?.()
      const answers = await Promise.all(Array.from({ length: 10 }, async () => {
        const res = await fetch(`${server.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...(client.cookie ? { cookie: client.cookie } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
          redirect: 'manual',
        })
        return check(res, `${key} (${path}) ten at once`)
      }))
      await duplicate.after?.(answers)
      // A one-use token or code is spent once, however many bring it at once.
      if (key === 'POST /api/verifications/confirm' || key === 'POST /api/my-data' || key === 'POST /api/my-data/erase') expect(answers.filter(ok)).toHaveLength(1)
    })

    it('made what it meant to (so the requests above were valid, not refused)', () => {
      expect(state.eventId).toBeDefined()
      expect(state.code).toBeDefined()
      expect(state.userId).toBeDefined()
      expect(state.caseId).toBeDefined()
      expect(state.reviewCase).toBeDefined()
      expect(state.callId).toBeDefined()
      expect(state.assistedId).toBeDefined()
    })
  })

  it('still works normally afterwards (nothing polluted, nobody logged out)', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    expect((await clients.admin!.get('/api/auth/me')).json.user.email).toBe('admin@demo.local')
    expect((await clients.organizer!.get('/api/auth/me')).json.user.email).toBe('organizer@demo.local')
    const fresh = new ApiClient(server.url)
    expect((await fresh.post('/api/auth/login', { email: 'organizer@demo.local', password: 'wrong password' })).status).toBe(401)
  })
})
