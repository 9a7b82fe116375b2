// `npm run bench`: the server's figures from one run, each beside a baseline measured in the same run.
// The baseline is a bare Nuxt page (scripts/bench-bare: one page, 20 items from one API route) built from the
// project's own lock file and node_modules. Rounds alternate between the two, and every figure is printed as the
// median with its min–max over the rounds: uncached and cached page renders, bookings against the health route,
// memory fresh, after the load and after a soak. The database has a city's scale of records
// (scripts/seed-scale.ts: BENCH_SCALE=1 is 500 events, 200,000 bookings, 50,000 quiz attempts).
//   BENCH_SECONDS (5) per measurement, BENCH_CONCURRENCY (20) clients, BENCH_ROUNDS (3),
//   BENCH_SOAK_SECONDS (600; 0 skips the soak), BENCH_DATABASE_URL=postgres://… (an empty database) instead of SQLite,
//   BENCH_PROFILE=<dir> writes a V8 CPU profile of the portal (open it in Chrome's DevTools).
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, median, rssMb, spread, waitHealthy } from './bench-lib.mjs'

const root = new URL('..', import.meta.url).pathname
const bare = join(root, 'scripts/bench-bare')
const seconds = Number(process.env.BENCH_SECONDS || 5)
const concurrency = Number(process.env.BENCH_CONCURRENCY || 20)
const rounds = Number(process.env.BENCH_ROUNDS || 3)
const soakSeconds = Number(process.env.BENCH_SOAK_SECONDS ?? 600)

const nuxt = join(root, 'node_modules/nuxt/bin/nuxt.mjs')
if (!existsSync(join(root, '.output/server/index.mjs'))) spawnSync(process.execPath, [nuxt, 'build'], { cwd: root, stdio: 'inherit' })
// The baseline is rebuilt every run, so it is always built from the lock file installed now.
if (spawnSync(process.execPath, [nuxt, 'build', bare], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) throw new Error('the bare Nuxt page did not build')

const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-'))
const databaseUrl = process.env.BENCH_DATABASE_URL || ''
// With PostgreSQL the server wants its secrets given (never made up for a shared database) and demo accounts asked for:
// throwaway secrets here, and the demo the embedded default has anyway.
const secrets = databaseUrl ? { PORTAL_DEMO: '1', NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'), PORTAL_DATA_KEY: randomBytes(32).toString('base64') } : {}
const seeded = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/seed-scale.ts'), process.env.BENCH_SCALE || '1'], {
  cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, PORTAL_DATA_DIR: dataDir }, stdio: 'inherit',
})
if (seeded.status !== 0) throw new Error('seed-scale failed')

// The allocator settings `npm start` uses (scripts/start.mjs), for both servers, so the memory figures are the ones a city sees.
const malloc = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072', MALLOC_MMAP_THRESHOLD_: '131072' }
async function serve(entry, env, args = []) {
  const port = await freePort()
  const child = spawn(process.execPath, [...args, entry], {
    cwd: root, env: { ...malloc, ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'ignore', 'inherit'],
  })
  process.on('exit', () => child.kill())
  return { child, base: `http://127.0.0.1:${port}` }
}
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []
const portal = await serve(join(root, '.output/server/index.mjs'), { ...secrets, DATABASE_URL: databaseUrl, PORTAL_DATA_DIR: dataDir, PORTAL_RATE_SCALE: '1000000' }, profile)
const baseline = await serve(join(bare, '.output/server/index.mjs'), {})
await Promise.all([waitHealthy(`${portal.base}/api/health`), waitHealthy(`${baseline.base}/`)])
// Fresh: started and answering, nothing asked of it yet. The budget for a fresh portal is 170 MB.
await new Promise(r => setTimeout(r, 1000))
const fresh = { portal: rssMb(portal.child.pid), bare: rssMb(baseline.child.pid) }

const login = await fetch(`${portal.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'organizer@demo.local', password: process.env.PORTAL_DEMO_PASSWORD || 'demo-password-2026' }) })
const cookie = login.headers.getSetCookie().map(c => c.split(';')[0]).join('; ')
const now = Date.now()
const staff = (path, body) => fetch(`${portal.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) }).then(r => r.json())
const created = await staff('/api/organizer/events', {
  slug: `bench-${now}`, title: { zh: '压力测试', en: 'Benchmark' }, summary: { zh: '压测', en: 'Bench' }, description: { zh: '压测', en: 'Bench' },
  startsAt: new Date(now + 86_400_000).toISOString(), endsAt: new Date(now + 90_000_000).toISOString(), venueCode: null, district: 'heping',
  category: 'daily-life', audience: ['everyone'], format: 'online', capacity: 5000, maxPartySize: 4,
  bookingOpensAt: new Date(now - 60_000).toISOString(), bookingClosesAt: new Date(now + 80_000_000).toISOString(),
})
await staff(`/api/organizer/events/${created.id}/publish`, {})

let phone = 13_000_000_000
let visit = 0
/** Requests/s over `duration` seconds with `clients` clients, p50 and p99 latency, and answers that were not 2xx. */
async function load(request, duration = seconds, clients = concurrency) {
  const latencies = []
  let errors = 0
  const end = performance.now() + duration * 1000
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < end) {
      const t = performance.now()
      const res = await request()
      await res.arrayBuffer()
      if (res.status >= 300) errors++
      latencies.push(performance.now() - t)
    }
  }))
  latencies.sort((a, b) => a - b)
  const at = p => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? Number.NaN
  return { rate: latencies.length / duration, p50: at(0.5), p99: at(0.99), errors }
}
const book = () => fetch(`${portal.base}/api/events/bench-${now}/registrations`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: '压测居民', phone: String(++phone), partySize: 1, consent: true }),
})
// A new query each time, so every request renders (the page cache keys on it); the plain URL again comes from the cache.
const measures = {
  'bare Nuxt page (baseline)': () => fetch(`${baseline.base}/?visit=${++visit}`),
  'GET /events (render)': () => fetch(`${portal.base}/events?visit=${++visit}`),
  'GET / (render)': () => fetch(`${portal.base}/?visit=${++visit}`),
  'GET /events (page cache)': () => fetch(`${portal.base}/events`),
  'GET /api/health (floor)': () => fetch(`${portal.base}/api/health`),
  'POST registrations (booking)': book,
}
const results = Object.fromEntries(Object.keys(measures).map(k => [k, []]))
const ratios = { '/events render ÷ bare': [], '/ render ÷ bare': [], '/events cached ÷ bare': [], 'bookings ÷ health': [] }
const load0 = loadavg()
for (let r = 0; r < rounds; r++) {
  // Alternating: the baseline first in odd rounds and last in even ones, so neither always runs on a warmer machine.
  const names = Object.keys(measures)
  const order = r % 2 ? [...names.slice(1), names[0]] : names
  const round = {}
  for (const name of order) round[name] = await load(measures[name])
  for (const name of names) results[name].push(round[name])
  const b = round['bare Nuxt page (baseline)'].rate
  ratios['/events render ÷ bare'].push(round['GET /events (render)'].rate / b)
  ratios['/ render ÷ bare'].push(round['GET / (render)'].rate / b)
  ratios['/events cached ÷ bare'].push(round['GET /events (page cache)'].rate / b)
  ratios['bookings ÷ health'].push(round['POST registrations (booking)'].rate / round['GET /api/health (floor)'].rate)
}
const afterLoad = { portal: rssMb(portal.child.pid), bare: rssMb(baseline.child.pid) }

const cpu = cpus()[0]?.model ?? 'unknown CPU'
console.log(`\n${new Date().toISOString()}  node ${process.version}  ${availableParallelism()} cores (${cpu})  load ${load0.map(l => l.toFixed(2)).join(' ')} at the start`)
console.log(`${databaseUrl ? 'PostgreSQL' : 'embedded SQLite'}, scale ${process.env.BENCH_SCALE || '1'}; ${concurrency} clients, ${seconds} s per measurement, ${rounds} alternating rounds: median (min–max)\n`)
for (const [name, runs] of Object.entries(results)) {
  const rate = runs.map(x => x.rate)
  const errors = runs.reduce((n, x) => n + x.errors, 0)
  console.log(`${name.padEnd(30)} ${spread(rate, 0).padStart(20)} req/s   p50 ${median(runs.map(x => x.p50)).toFixed(1).padStart(6)} ms   p99 ${median(runs.map(x => x.p99)).toFixed(1).padStart(7)} ms   errors ${errors}`)
}
console.log('')
const aims = { '/events render ÷ bare': 0.5, 'bookings ÷ health': 0.5 }
for (const [name, values] of Object.entries(ratios)) {
  const aim = aims[name]
  console.log(`${name.padEnd(30)} ${spread(values, 2).padStart(20)}${aim ? `   aim ≥ ${aim}: ${median(values) >= aim ? 'ok' : 'BELOW'}` : ''}`)
}
console.log('')
console.log(`${'RSS fresh'.padEnd(30)} portal ${fresh.portal.toFixed(0)} MB, bare ${fresh.bare.toFixed(0)} MB (${(fresh.portal / fresh.bare).toFixed(2)}×)   budget 170 MB: ${fresh.portal < 170 ? 'ok' : 'OVER'}`)
console.log(`${'RSS after the rounds'.padEnd(30)} portal ${afterLoad.portal.toFixed(0)} MB, bare ${afterLoad.bare.toFixed(0)} MB (${(afterLoad.portal / afterLoad.bare).toFixed(2)}×)`)

// Statistics from a cold cache: nothing computed yet for this year. The process's first statistics
// request also loads the page's code and the quiz and course content once, so it is shown apart;
// the floor applies to the page and the JSON each from a cold cache once the in-process figures
// have expired (PORTAL_PAGE_CACHE_SECONDS, 10 s here).
async function cold(name, path, judged = true) {
  const t = performance.now()
  const res = await fetch(`${portal.base}${path}`)
  await res.arrayBuffer()
  const ms = performance.now() - t
  const verdict = res.status !== 200 ? `status ${res.status}` : !judged ? '(once per process)' : ms < 1000 ? 'ok' : 'SLOW'
  console.log(`${name.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms cold (floor 1000 ms)  ${verdict}`)
}
const expire = () => new Promise(r => setTimeout(r, 11_000))
console.log('')
await cold('GET /statistics (first in process)', '/statistics', false)
await expire()
await cold('GET /statistics (cold)', '/statistics')
await expire()
await cold('GET /api/statistics (cold)', '/api/statistics')
await cold('GET /api/statistics/datapackage.json', '/api/statistics/datapackage.json')

// The soak: both servers under the same clients at once (half each), the portal on a resident's mix of pages,
// bookings and the events API, the baseline on its page; memory each minute. Aim: the portal within 1.3× the bare page.
if (soakSeconds > 0) {
  const mix = [
    () => fetch(`${portal.base}/events?visit=${++visit}`),
    () => fetch(`${portal.base}/?visit=${++visit}`),
    () => fetch(`${portal.base}/events/bench-${now}?visit=${++visit}`),
    () => fetch(`${portal.base}/api/events?page=${visit++ % 20 + 1}`),
    book,
  ]
  let turn = 0
  const samples = []
  const sample = () => samples.push({ s: samples.length * 60, portal: rssMb(portal.child.pid), bare: rssMb(baseline.child.pid) })
  sample()
  const timer = setInterval(sample, 60_000)
  const clients = Math.max(1, Math.floor(concurrency / 2))
  const [p, b] = await Promise.all([load(() => mix[turn++ % mix.length](), soakSeconds, clients), load(measures['bare Nuxt page (baseline)'], soakSeconds, clients)])
  clearInterval(timer)
  sample()
  console.log(`\nsoak ${soakSeconds} s, ${clients} clients each: portal ${p.rate.toFixed(0)} req/s (errors ${p.errors}), bare ${b.rate.toFixed(0)} req/s (errors ${b.errors})`)
  console.log('  minute  portal MB  bare MB')
  for (const s of samples) console.log(`  ${String(Math.round(s.s / 60)).padStart(6)}  ${s.portal.toFixed(0).padStart(9)}  ${s.bare.toFixed(0).padStart(7)}`)
  const last = samples.at(-1)
  const lastTen = samples.slice(-Math.min(samples.length, 6))
  const slope = lastTen.length > 1 ? (lastTen.at(-1).portal - lastTen[0].portal) / ((lastTen.at(-1).s - lastTen[0].s) / 60) : 0
  console.log(`RSS after the soak: portal ${last.portal.toFixed(0)} MB, bare ${last.bare.toFixed(0)} MB: ${(last.portal / last.bare).toFixed(2)}× (aim ≤ 1.3: ${last.portal / last.bare <= 1.3 ? 'ok' : 'OVER'}); portal over its last minutes ${slope >= 0 ? '+' : ''}${slope.toFixed(1)} MB/min`)
}
console.log(`\nload ${loadavg().map(l => l.toFixed(2)).join(' ')} at the end`)
const stop = child => new Promise((resolve) => {
  child.once('exit', resolve)
  child.kill('SIGTERM')
})
await Promise.all([stop(portal.child), stop(baseline.child)])
process.exit(0)
