// What `npm run bench` and `npm run bench:pages` share: a free port, a server's memory, medians with their spread.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

/** A process's resident memory in MB (Linux /proc), NaN elsewhere. */
export function rssMb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024
  }
  catch {
    return Number.NaN
  }
}

export async function waitHealthy(url, tries = 300) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return
    }
    catch { /* starting */ }
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error(`${url} did not answer`)
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** "median (min–max)" with `digits` decimals. */
export function spread(values, digits = 0) {
  const f = v => v.toFixed(digits)
  if (!values.length) return '–'
  return values.length > 1 ? `${f(median(values))} (${f(Math.min(...values))}–${f(Math.max(...values))})` : f(values[0])
}
