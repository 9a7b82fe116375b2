// `npm run bench`: load figures from one run on the built server (embedded SQLite, or PostgreSQL with BENCH_DATABASE_URL).
// Prints requests/s and p50/p99 latency for bookings, for a trivial JSON endpoint
// (the floor), for rendering the /events page, and for serving it from the page cache;
// then the statistics page and API from a cold cache over a city's scale of records
// (scripts/seed-scale.ts: BENCH_SCALE=1 is 500 events, 200,000 bookings, 50,000 quiz attempts).
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const seconds = Number(process.env.BENCH_SECONDS || 5)
const concurrency = Number(process.env.BENCH_CONCURRENCY || 32)
const port = Number(process.env.BENCH_PORT) || 3400 + Math.floor(Math.random() * 500)
const base = `http://127.0.0.1:${port}`

if (!existsSync(join(root, '.output/server/index.mjs'))) {
  spawnSync('nuxt', ['build'], { cwd: root, stdio: 'inherit' })
}
// BENCH_PROFILE=<dir> writes a V8 CPU profile of the server (open it in Chrome's DevTools).
const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-'))
const scale = process.env.BENCH_SCALE || '1'
// BENCH_DATABASE_URL=postgres://… runs it all on that (empty) PostgreSQL database instead.
const databaseUrl = process.env.BENCH_DATABASE_URL || ''
// With PostgreSQL the server wants its secrets given (never made up for a shared database) and demo accounts asked for:
// throwaway secrets here, and the demo the embedded default has anyway.
const secrets = databaseUrl ? { PORTAL_DEMO: '1', NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'), PORTAL_DATA_KEY: randomBytes(32).toString('base64') } : {}
const seeded = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/seed-scale.ts'), scale], {
  cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, PORTAL_DATA_DIR: dataDir }, stdio: 'inherit',
})
if (seeded.status !== 0) throw new Error('seed-scale failed')
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []
const server = spawn(process.execPath, [...profile, join(root, '.output/server/index.mjs')], {
  cwd: root,
  // The allocator settings `npm start` uses (scripts/start.mjs), so the memory figures are the ones a city sees.
  env: { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072', MALLOC_MMAP_THRESHOLD_: '131072', ...process.env, ...secrets, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', PORTAL_DATA_DIR: dataDir, PORTAL_RATE_SCALE: '1000000' },
  stdio: ['ignore', 'ignore', 'inherit'],
})
process.on('exit', () => server.kill())

for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break
  }
  catch { /* starting */ }
  if (i > 300) throw new Error('server did not start')
  await new Promise(r => setTimeout(r, 100))
}

// The server's resident memory (Linux /proc), fresh and after the load below; the budget for a fresh instance is 170 MB.
const rssMb = () => {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024
  }
  catch {
    return Number.NaN
  }
}
// Fresh: started and answering, nothing asked of it yet.
await new Promise(r => setTimeout(r, 1000))
const fresh = rssMb()

const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'organizer@demo.local', password: process.env.PORTAL_DEMO_PASSWORD || 'demo-password-2026' }) })
const cookie = login.headers.getSetCookie().map(c => c.split(';')[0]).join('; ')
const now = Date.now()
const staff = (path, body) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) }).then(r => r.json())
const created = await staff('/api/organizer/events', {
  slug: `bench-${now}`, title: { zh: '压力测试', en: 'Benchmark' }, summary: { zh: '压测', en: 'Bench' }, description: { zh: '压测', en: 'Bench' },
  startsAt: new Date(now + 86_400_000).toISOString(), endsAt: new Date(now + 90_000_000).toISOString(), venueCode: null, district: 'heping',
  category: 'daily-life', audience: ['everyone'], format: 'online', capacity: 5000, maxPartySize: 4,
  bookingOpensAt: new Date(now - 60_000).toISOString(), bookingClosesAt: new Date(now + 80_000_000).toISOString(),
})
await staff(`/api/organizer/events/${created.id}/publish`, {})

let phone = 13_000_000_000
async function measure(name, request) {
  const latencies = []
  let errors = 0
  const end = performance.now() + seconds * 1000
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const t = performance.now()
      const res = await request()
      await res.arrayBuffer()
      if (res.status >= 300) errors++
      latencies.push(performance.now() - t)
    }
  }))
  latencies.sort((a, b) => a - b)
  const at = p => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(1)
  const rate = latencies.length / seconds
  console.log(`${name.padEnd(34)} ${rate.toFixed(0).padStart(6)} req/s   p50 ${at(0.5).padStart(6)} ms   p99 ${at(0.99).padStart(6)} ms   errors ${errors}`)
  return rate
}

console.log(`node ${process.version}, ${concurrency} concurrent clients, ${seconds} s each, ${databaseUrl ? 'PostgreSQL' : 'embedded SQLite'}`)
console.log(`${'RSS fresh (budget 170 MB)'.padEnd(34)} ${fresh.toFixed(0).padStart(6)} MB  ${fresh < 170 ? 'ok' : Number.isNaN(fresh) ? '(no /proc)' : 'OVER'}`)
const floor = await measure('GET /api/health (floor)', () => fetch(`${base}/api/health`))
const bookings = await measure('POST /api/events/:slug/registrations', () => fetch(`${base}/api/events/bench-${now}/registrations`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: '压测居民', phone: String(++phone), partySize: 1, consent: true }),
}))
// A new query each time, so every request renders; then the same page again, from the page cache.
let visit = 0
await measure('GET /events (page render)', () => fetch(`${base}/events?visit=${++visit}`))
await measure('GET /events (from the page cache)', () => fetch(`${base}/events`))
console.log(`bookings at ${(100 * bookings / floor).toFixed(0)}% of the floor's rate (aim: ≥ 50%)`)

// Statistics from a cold cache: nothing computed yet for this year. The process's first statistics
// request also loads the page's code and the quiz and course content once, so it is shown apart;
// the floor applies to the page and the JSON each from a cold cache once the in-process figures
// have expired (PORTAL_PAGE_CACHE_SECONDS, 10 s here).
async function cold(name, path, judged = true) {
  const t = performance.now()
  const res = await fetch(`${base}${path}`)
  await res.arrayBuffer()
  const ms = performance.now() - t
  const verdict = res.status !== 200 ? `status ${res.status}` : !judged ? '(once per process)' : ms < 1000 ? 'ok' : 'SLOW'
  console.log(`${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms cold (floor 1000 ms)  ${verdict}`)
}
const expire = () => new Promise(r => setTimeout(r, 11_000))
await cold('GET /statistics (first in process)', '/statistics', false)
await expire()
await cold('GET /statistics (cold)', '/statistics')
await expire()
await cold('GET /api/statistics (cold)', '/api/statistics')
await cold('GET /api/statistics/datapackage.json', '/api/statistics/datapackage.json')
console.log(`${'RSS after the load above'.padEnd(34)} ${rssMb().toFixed(0).padStart(6)} MB  (fresh ${fresh.toFixed(0)} MB)`)
server.kill('SIGTERM')
await new Promise(resolve => server.once('exit', resolve))
process.exit(0)
