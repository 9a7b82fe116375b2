// `npm start`: builds the production bundle when it is missing or older than
// the sources, then serves it. Migrations and the city seed run at server start.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const stamp = join(root, '.output/nitro.json')
const sources = ['app', 'server', 'shared', 'public', 'nuxt.config.ts', 'package-lock.json']

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs)
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0
if (!builtAt || sources.some(s => newestMtime(join(root, s)) > builtAt)) {
  console.log('[start] building the production bundle (nuxt build)…')
  const build = spawnSync('nuxt', ['build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NUXT_TELEMETRY_DISABLED: '1' } })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// glibc's allocator otherwise keeps one arena per thread (libvips and libuv threads drawing pictures)
// and returns little: with these a fresh instance stays under 170 MB instead of about 250 (README:
// Running in production). No effect on other C libraries; a value already set wins.
const mallocTuning = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072', MALLOC_MMAP_THRESHOLD_: '131072' }

// The server runs as a child, so a stop signal (docker stop, systemd, Ctrl-C) is passed on to it: it then
// finishes the requests in flight and hands back its texts (README: Stopping) before this process exits.
const server = spawn(process.execPath, [join(root, '.output/server/index.mjs')], { cwd: root, stdio: 'inherit', env: { ...mallocTuning, ...process.env } })
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1)))
