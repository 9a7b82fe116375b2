import { request } from 'node:http'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '~~/tests/support/server'

const MiB = 1024 * 1024

interface Sent { status: number, sent: number, body: string }

/** POSTs `total` bytes with Transfer-Encoding: chunked (no Content-Length), as fast as the server takes them, stopping at its answer. */
function sendChunked(url: string, path: string, total: number, method = 'POST'): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } })
    const chunk = Buffer.alloc(64 * 1024, 'a')
    let sent = 0
    let answered = false
    req.on('response', (res) => {
      answered = true
      const sentAtAnswer = sent
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => body += d)
      res.on('end', () => resolve({ status: res.statusCode!, sent: sentAtAnswer, body }))
      res.on('error', reject)
    })
    // Once answered, the server closes the connection on the rest of the upload: that write error is expected.
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    const pump = () => {
      while (!answered && sent < total) {
        const part = sent === 0 ? Buffer.concat([Buffer.from('{"email":"'), chunk]) : chunk
        sent += part.length
        if (!req.write(part)) return void req.once('drain', pump)
      }
      if (!answered) req.end()
    }
    pump()
  })
}

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024

describe('request bodies without a Content-Length', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('answers a chunked 10 MiB body with 413 as soon as the cap is passed', async () => {
    const answer = await sendChunked(server.url, '/api/registrations/lookup', 10 * MiB)
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).statusCode).toBe(413)
    // Answered while the upload was still going, not after reading it whole.
    expect(answer.sent).toBeLessThan(10 * MiB)
  })

  it('caps every method that carries a body, before the route looks at it', async () => {
    expect((await sendChunked(server.url, '/api/auth/login', 10 * MiB)).status).toBe(413)
    expect((await sendChunked(server.url, '/api/organizer/events/00000000-0000-4000-8000-000000000000', 10 * MiB, 'PATCH')).status).toBe(413)
    expect((await sendChunked(server.url, '/api/no-such-route', 10 * MiB, 'PUT')).status).toBe(413)
  })

  it('still reads a small chunked body', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // A stream has no length: fetch sends it chunked.
      body: new Blob([JSON.stringify({ email: 'nobody@demo.local', password: 'not the password' })]).stream(),
      duplex: 'half',
    } as RequestInit)
    expect(res.headers.get('content-length')).not.toBe('0')
    expect(res.status).toBe(401)
  })

  it('keeps the server\'s memory flat over 20 such requests at once', async () => {
    for (let i = 0; i < 3; i++) await sendChunked(server.url, '/api/registrations/lookup', 10 * MiB)
    const before = rssMiB(server.process.pid!)
    const answers = await Promise.all(Array.from({ length: 20 }, () => sendChunked(server.url, '/api/registrations/lookup', 10 * MiB)))
    const after = rssMiB(server.process.pid!)
    expect(answers.map(a => a.status)).toEqual(Array(20).fill(413))
    console.info(`server RSS ${before.toFixed(0)} MiB before, ${after.toFixed(0)} MiB after 20 chunked 10 MiB bodies`)
    // Read whole, the 200 MiB would show here (the attack raised RSS by 400 MB for 100 MiB).
    expect(after - before).toBeLessThan(20)
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })
})
