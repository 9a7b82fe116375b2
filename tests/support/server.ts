import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const root = join(import.meta.dirname, '../..')

/** Inert unless PORTAL_TEST_CLOCK_SHIFT is set: then the server runs as if on another day (tests/support/clock-shift.mjs). */
export const clockShift = join(root, 'tests/support/clock-shift.mjs')

export interface RunningServer {
  url: string
  dataDir: string
  process: ChildProcess
  output: () => string
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

/** The built server (.output) in production mode on the embedded database unless `env` says otherwise, its output collected. */
function spawnBuilt(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['--import', clockShift, join(root, '.output/server/index.mjs')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const append = (d: Buffer) => {
    log += d
  }
  child.stdout!.on('data', append)
  child.stderr!.on('data', append)
  return { child, output: () => log }
}

/** Starts the built server (.output) with its own data folder unless one is given. */
export async function startServer(env: Record<string, string | undefined> = {}): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = env.PORTAL_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'portal-test-'))
  const { child, output } = spawnBuilt({ PORT: String(port), HOST: '127.0.0.1', PORTAL_DATA_DIR: dataDir, ...env })
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
  const url = `http://127.0.0.1:${port}`
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    return exited
  }
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return { url, dataDir, process: child, output, stop }
    }
    catch { /* not listening yet */ }
    await new Promise(r => setTimeout(r, 100))
  }
  await stop('SIGKILL')
  throw new Error(`server did not become healthy in 30 s:\n${output()}`)
}

/** Runs the built server expecting it to stop on its own (e.g. a bad seed file), returning exit code and output. */
export async function runServerUntilStopped(env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null, output: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-test-'))
  const { child, output } = spawnBuilt({ PORT: String(await freePort()), PORTAL_DATA_DIR: dataDir, ...env })
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const code = await new Promise<number | null>(resolve => child.once('exit', c => resolve(c)))
  clearTimeout(timer)
  return { code, output: output() }
}
