import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Redis } from 'ioredis'
import pg from 'pg'
import { freePort } from './server'

const run = promisify(execFile)
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

/**
 * A PostgreSQL of the test's own, from Debian's binaries (scripts/ensure-fault-services.sh
 * installs them), in a temporary folder on a free port: the fault tests restart it.
 * The machine's own PostgreSQL (5432) is never touched. initdb refuses root, so as
 * root it runs as the `postgres` user the package creates.
 */
export async function startPostgres() {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter(v => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)).sort((a, b) => Number(b) - Number(a)) : []
  if (!versions.length) throw new Error('No PostgreSQL binaries under /usr/lib/postgresql/*/bin: run scripts/ensure-fault-services.sh (as root it installs Debian\'s postgresql)')
  const bin = (name: string) => `/usr/lib/postgresql/${versions[0]}/bin/${name}`
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'portal-pg-'))
  const data = join(dir, 'data')
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: gid } = await run('id', ['-g', 'postgres'])
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()))
  }
  const pgRun = (name: string, args: string[]) => asRoot ? run('runuser', ['-u', 'postgres', '--', bin(name), ...args]) : run(bin(name), args)
  await pgRun('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`
  const start = () => pgRun('pg_ctl', ['-D', data, '-w', '-t', '30', '-l', join(dir, 'log'), '-o', options, 'start'])
  /** `fast` ends every session (as an operator's restart does); `immediate` is a crash. */
  const stop = (mode: 'fast' | 'immediate' = 'fast') => pgRun('pg_ctl', ['-D', data, '-w', '-m', mode, 'stop'])
  await start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    async query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` })
      await client.connect()
      try {
        return (await client.query<T>(text, values)).rows
      }
      finally {
        await client.end()
      }
    },
    async destroy() {
      await stop('immediate').catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A redis-server of the test's own on a free port (never the machine's 6379): stopped, paused and started again by the fault tests. */
export async function startRedis() {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'portal-redis-'))
  mkdirSync(dir, { recursive: true })
  let child: ChildProcess | undefined
  const ping = async () => {
    const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 })
    client.on('error', () => {})
    try {
      await client.connect()
      return await client.ping() === 'PONG'
    }
    catch {
      return false
    }
    finally {
      client.disconnect()
    }
  }
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' })
    child.on('error', () => {})
    const deadline = Date.now() + 10_000
    while (!await ping()) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('redis-server did not start: is Debian\'s redis-server installed (scripts/ensure-fault-services.sh)?')
      await sleep(50)
    }
  }
  const stop = async () => {
    const c = child
    if (!c || c.exitCode !== null) return
    const exited = new Promise(resolve => c.once('exit', resolve))
    c.kill('SIGKILL')
    await exited
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    /** A Redis that hangs: the connection stays open and nothing answers. */
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    async destroy() {
      child?.kill('SIGCONT')
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
