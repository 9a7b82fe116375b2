// `npm run bench:pages`: Lighthouse on the built server (embedded SQLite), with the
// system Chromium and Lighthouse's default mobile profile (simulated throttling).
// Prints performance and accessibility scores, FCP, LCP, TBT, main-thread work and bytes
// per page as the median (min–max) of its runs, the machine's Lighthouse benchmark index
// beside them, then each page's top opportunities and diagnostics.
//   BENCH_PAGES_RUNS=<n>   runs per page (default 3)
//   BENCH_PAGES_CPU=<n>[,<m>…]  Lighthouse's CPU slowdown (default 4, its mobile profile's); several: a table each
//   BENCH_PAGES_BASELINE=<dir>  another build's .output (say, of main) measured in the same run, page by page, alternating
// Exits non-zero only when the server or Lighthouse fails: the figures are a benchmark, not a test.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { throttling } from 'lighthouse/core/config/constants.js'
import { freePort, median, spread } from './bench-lib.mjs'

// The pages measured. `path` is a string or an async function given `json(path)`
// (a GET on the running server) that returns one, for pages that need real data.
const pages = [
  { name: 'home', path: '/' },
  { name: 'events', path: '/events' },
  { name: 'event', path: async json => `/events/${(await json('/api/events?pageSize=1')).items[0].slug}` },
  { name: 'courses', path: '/courses' },
  { name: 'course', path: async json => `/courses/${(await json('/api/courses?pageSize=1')).items[0].slug}` },
  { name: 'lesson step', path: async (json) => {
    const course = await json(`/api/courses/${(await json('/api/courses?pageSize=1')).items[0].slug}`)
    return `/courses/${course.slug}/${course.lessons[0].slug}/1`
  } },
  { name: 'quizzes', path: '/quiz' },
  { name: 'quiz', path: async json => `/quiz/${(await json('/api/quizzes')).items[0].slug}` },
  { name: 'quiz player', path: async json => `/quiz/${(await json('/api/quizzes')).items[0].slug}/play` },
  { name: 'contests', path: '/contests' },
  { name: 'contest', path: async json => `/contests/${(await json('/api/contests')).items[0].slug}` },
  { name: 'cases', path: '/cases' },
  { name: 'case', path: async json => `/cases/${(await json('/api/cases?pageSize=1')).items[0].slug}` },
  { name: 'statistics', path: '/statistics' },
]

const root = new URL('..', import.meta.url).pathname
const runs = Math.max(1, Number(process.env.BENCH_PAGES_RUNS || 3))
const slowdowns = (process.env.BENCH_PAGES_CPU || '4').split(',').map(Number).filter(n => n > 0)
const baselineOutput = process.env.BENCH_PAGES_BASELINE
const top = Number(process.env.BENCH_PAGES_TOP || 3)
// BENCH_PAGES_REPORTS=<dir> keeps each page's median Lighthouse report there as JSON.
const reportDir = process.env.BENCH_PAGES_REPORTS
if (reportDir) mkdirSync(reportDir, { recursive: true })
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium'

if (!existsSync(chromePath)) {
  console.error(`bench:pages: no Chromium at ${chromePath}; install Debian's chromium (sh scripts/ensure-chromium.sh) or set CHROME_PATH`)
  process.exit(1)
}
if (!existsSync(join(root, '.output/server/index.mjs'))) {
  const build = spawnSync('nuxt', ['build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status || 1)
}
const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-pages-'))
const profileDir = mkdtempSync(join(tmpdir(), 'portal-bench-chromium-'))
const outputDir = mkdtempSync(join(tmpdir(), 'portal-bench-output-'))
const baselineDataDir = mkdtempSync(join(tmpdir(), 'portal-bench-pages-baseline-'))

let server
let baselineServer
let chrome
// On a signal: kill at once. On the normal and error paths `stop()` runs first, gracefully.
function stopNow() {
  server?.kill()
  baselineServer?.kill()
  try {
    chrome?.kill() // SIGKILL to Chromium's process group
  }
  catch { /* already gone */ }
  for (const dir of [dataDir, baselineDataDir, profileDir, outputDir]) rmSync(dir, { recursive: true, force: true })
}
process.on('exit', stopNow)
async function stop() {
  if (chrome) {
    const gone = new Promise(resolve => chrome.process.exitCode !== null || chrome.process.signalCode !== null ? resolve() : chrome.process.once('exit', resolve))
    chrome.kill() // SIGKILL to Chromium's process group
    await gone
    chrome = undefined
  }
  for (const child of [server, baselineServer]) {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }
  server = undefined
  baselineServer = undefined
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130))

// Opportunities and diagnostics that did not pass, biggest estimated saving first
// (time on FCP or LCP plus TBT, then bytes), scored failures before informative ones.
function findings(lhr) {
  const refs = lhr.categories.performance.auditRefs.filter(ref => ref.group === 'diagnostics')
  return refs.map(ref => lhr.audits[ref.id]).filter(audit => audit
    && !['notApplicable', 'manual', 'error'].includes(audit.scoreDisplayMode)
    && (audit.score === null || audit.score < 0.9))
    .map((audit) => {
      const s = audit.metricSavings || {}
      return { audit, lcp: Math.max(s.FCP || 0, s.LCP || 0), tbt: s.TBT || 0, bytes: audit.details?.overallSavingsBytes || 0 }
    })
    .sort((a, b) => b.lcp + b.tbt - a.lcp - a.tbt || b.bytes - a.bytes || (a.audit.score ?? 1) - (b.audit.score ?? 1))
}

// Lighthouse's own advice for a trace that went wrong (NO_NAVSTART, NO_FCP, … on a busy
// machine) is to run again: up to two retries, then the error stands.
async function measure(url, cpu, attempt = 1) {
  const config = { extends: 'lighthouse:default', settings: { throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: cpu } } }
  const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: ['performance', 'accessibility'] }, config)
  const lhr = result?.lhr
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`)
  if (lhr.runtimeError) {
    const message = `Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`
    if (attempt > 2 || !/^NO_|TIMEOUT|HUNG/.test(lhr.runtimeError.code)) throw new Error(message)
    console.error(`${message}; trying again`)
    return measure(url, cpu, attempt + 1)
  }
  const requests = lhr.audits['network-requests']?.details?.items || []
  const score = id => lhr.categories[id].score === null ? undefined : Math.round(lhr.categories[id].score * 100)
  const value = id => lhr.audits[id]?.numericValue
  return {
    lhr,
    performance: score('performance'),
    accessibility: score('accessibility'),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    si: value('speed-index'),
    bytes: value('total-byte-weight'),
    work: value('mainthread-work-breakdown'),
    benchmarkIndex: lhr.environment?.benchmarkIndex,
    js: requests.filter(r => r.resourceType === 'Script').reduce((sum, r) => sum + (r.transferSize || 0), 0),
  }
}

// Serves a copy of the build, so that a rebuild elsewhere in the working tree during the
// run cannot swap assets under Lighthouse. A copy taken while .output was being rebuilt
// does not start: then wait and copy again.
async function startServer(attempt = 1) {
  for (let i = 0; !existsSync(join(root, '.output/nitro.json')) || !existsSync(join(root, '.output/server/index.mjs')); i++) {
    if (i > 120) throw new Error('.output stayed incomplete for 2 minutes')
    await new Promise(r => setTimeout(r, 1000))
  }
  rmSync(outputDir, { recursive: true, force: true })
  cpSync(join(root, '.output'), outputDir, { recursive: true })
  const started = await serve(outputDir, dataDir)
  server = started.child
  if (started.base) return started.base
  if (attempt >= 3) throw new Error(`server exited with ${server.exitCode}`)
  console.error(`bench:pages: the server exited at start (was .output being rebuilt?); copying it again in 15 s`)
  await new Promise(r => setTimeout(r, 15_000))
  return startServer(attempt + 1)
}

/** A build's server on a free port: its base URL once healthy, or no base when it exited at start. */
async function serve(output, data) {
  const port = await freePort()
  const child = spawn(process.execPath, [join(output, 'server/index.mjs')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', PORTAL_DATA_DIR: data, PORTAL_RATE_SCALE: '1000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return { child, base: `http://127.0.0.1:${port}` }
    }
    catch { /* starting */ }
    if (child.exitCode !== null) return { child, base: undefined }
    if (i > 300) throw new Error('server did not start')
    await new Promise(r => setTimeout(r, 100))
  }
}

try {
  const base = await startServer()
  const builds = [{ name: 'this build', base }]
  if (baselineOutput) {
    const started = await serve(baselineOutput, baselineDataDir)
    baselineServer = started.child
    if (!started.base) throw new Error(`the baseline at ${baselineOutput} did not start`)
    builds.push({ name: 'baseline', base: started.base })
  }
  const json = async (path) => {
    const res = await fetch(`${base}${path}`)
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`)
    return res.json()
  }
  // BENCH_PAGES_ONLY=quiz measures only the pages whose name contains it.
  const only = process.env.BENCH_PAGES_ONLY
  const targets = await Promise.all(pages.filter(page => !only || page.name.includes(only)).map(async page => ({ ...page, path: typeof page.path === 'function' ? await page.path(json) : page.path })))
  // One plain request per page first, so the first Lighthouse run does not pay for the server's cold start.
  for (const build of builds) for (const page of targets) await (await fetch(`${build.base}${page.path}`)).arrayBuffer()

  chrome = await chromeLauncher.launch({
    chromePath,
    userDataDir: profileDir,
    logLevel: 'silent',
    handleSIGINT: false,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const version = await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()

  const rows = []
  for (const cpu of slowdowns) {
    for (const page of targets) {
      // Page by page, run by run, the builds alternate, so a busier moment falls on both.
      const results = builds.map(() => [])
      for (let i = 0; i < runs; i++) {
        for (const [b, build] of builds.entries()) results[b].push(await measure(`${build.base}${page.path}`, cpu))
      }
      for (const [b, build] of builds.entries()) {
        const pick = key => results[b].map(r => r[key]).filter(v => typeof v === 'number')
        // The run whose performance score is the median supplies the findings.
        const middle = results[b].find(r => r.performance === median(pick('performance'))) || results[b][0]
        rows.push({ cpu, build: build.name, page, pick, lhr: middle.lhr })
        if (reportDir && b === 0) writeFileSync(join(reportDir, `${page.name.replace(/\W+/g, '-')}-${cpu}x.json`), JSON.stringify(middle.lhr))
      }
    }
  }

  const cell = (values, width, scale = 1, digits = 0) => (values.length ? spread(values.map(v => v / scale), digits) : '–').padStart(width)
  console.log(`node ${process.version}, ${version.Browser}, Lighthouse ${rows[0].lhr.lighthouseVersion} mobile (simulated throttling), ${runs} run(s) per page: median (min–max), embedded SQLite`)
  for (const cpu of slowdowns) {
    const these = rows.filter(r => r.cpu === cpu)
    console.log(`\nCPU slowdown ${cpu}×; Lighthouse benchmark index ${spread(these.flatMap(r => r.pick('benchmarkIndex')))}`)
    console.log(`${'page'.padEnd(28)} ${'perf'.padStart(13)} ${'a11y'.padStart(4)} ${'FCP ms'.padStart(18)} ${'TBT ms'.padStart(16)} ${'main thread ms'.padStart(20)} ${'total KB'.padStart(8)} ${'JS KB'.padStart(6)}`)
    for (const r of these) {
      const label = `${builds.length > 1 ? `${r.build === 'baseline' ? '  baseline' : r.page.name}` : `${r.page.name} ${r.page.path}`}`
      console.log(`${label.slice(0, 28).padEnd(28)} ${cell(r.pick('performance'), 13)} ${String(median(r.pick('accessibility')) ?? '–').padStart(4)} ${cell(r.pick('fcp'), 18)} ${cell(r.pick('tbt'), 16)} ${cell(r.pick('work'), 20)} ${cell(r.pick('bytes'), 8, 1024)} ${cell(r.pick('js'), 6, 1024)}`)
    }
  }
  for (const r of rows.filter(r => r.build === 'this build' && r.cpu === slowdowns[0])) {
    console.log(`\n${r.page.name} ${r.page.path}: top opportunities and diagnostics`)
    const list = findings(r.lhr).slice(0, top)
    if (!list.length) console.log('  (none)')
    for (const { audit, lcp, tbt, bytes } of list) {
      const savings = [lcp && `FCP/LCP ~${lcp.toFixed(0)} ms`, tbt && `TBT ~${tbt.toFixed(0)} ms`, bytes && `~${(bytes / 1024).toFixed(0)} KB`].filter(Boolean).join(', ')
      console.log(`  - ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}${savings ? ` [saves ${savings}]` : ''} {${audit.id}}`)
    }
    const a11y = r.lhr.categories.accessibility.auditRefs.map(ref => r.lhr.audits[ref.id]).filter(a => a && a.scoreDisplayMode === 'binary' && a.score === 0)
    if (a11y.length) console.log(`  accessibility failures: ${a11y.map(a => a.id).join(', ')}`)
    const elsewhere = [...new Set((r.lhr.audits['network-requests']?.details?.items || []).map(i => new URL(i.url).origin).filter(o => o !== base && o.startsWith('http')))]
    if (elsewhere.length) console.log(`  requests to other origins: ${elsewhere.join(', ')}`)
  }
}
catch (error) {
  console.error(`bench:pages: ${error?.stack || error}`)
  process.exitCode = 1
}
finally {
  await stop()
}
process.exit()
