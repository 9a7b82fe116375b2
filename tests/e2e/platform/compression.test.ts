import http, { type IncomingHttpHeaders } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, inject, it } from 'vitest'

const baseURL = inject('baseURL')

interface Raw { status: number, headers: IncomingHttpHeaders, body: Buffer }

// node:http, not fetch: fetch decompresses on its own and hides what was on the wire.
function raw(path: string, acceptEncoding?: string, method = 'GET', extra: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...extra, ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) }
    const request = http.request(new URL(path, baseURL), { method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end()
  })
}

function decoded(reply: Raw): Buffer {
  const coding = reply.headers['content-encoding']
  if (coding === 'br') return brotliDecompressSync(reply.body)
  if (coding === 'gzip') return gunzipSync(reply.body)
  expect(coding).toBeUndefined()
  return reply.body
}

function expectWellFormed(reply: Raw, coding: string | undefined) {
  expect(reply.status).toBe(200)
  expect(reply.headers['content-encoding']).toBe(coding)
  expect(String(reply.headers.vary).toLowerCase().split(/\s*,\s*/).filter(v => v === 'accept-encoding')).toHaveLength(1)
  if (reply.headers['content-length'] !== undefined) expect(Number(reply.headers['content-length'])).toBe(reply.body.length)
}

const nonces = (html: string) => [...new Set([...html.matchAll(/nonce="([^"]+)"/g)].map(m => m[1]))]
const cspNonce = (reply: Raw) => String(reply.headers['content-security-policy']).match(/'nonce-([^']+)'/)?.[1]
const policy = (reply: Raw) => String(reply.headers['content-security-policy']).replace(/'nonce-[^']+'/, '')

describe('replies travel compressed', () => {
  it('static assets: the .br or .gz made at build time, whichever the client accepts, else identity', async () => {
    const home = decoded(await raw('/', 'gzip')).toString()
    const scripts = [...home.matchAll(/src="(\/_nuxt\/[^"]+\.js)"/g)].map(m => m[1]!)
    expect(scripts.length).toBeGreaterThan(0)
    const entry = scripts[0]!
    const identity = await raw(entry)
    expectWellFormed(identity, undefined)
    expect(identity.body.length).toBeGreaterThan(10_000)
    expect(identity.headers['content-type']).toMatch(/javascript/)
    for (const [accept, coding] of [['br', 'br'], ['gzip', 'gzip'], ['gzip, deflate, br, zstd', 'br'], ['br;q=0, gzip', 'gzip']] as const) {
      const reply = await raw(entry, accept)
      expectWellFormed(reply, coding)
      expect(reply.body.length, accept).toBeLessThan(identity.body.length / 2)
      expect(decoded(reply).equals(identity.body), accept).toBe(true)
    }
  })

  it('HTML: brotli when rendered, then gzip from the page cache with a fresh nonce that matches its CSP', async () => {
    const path = `/about?compression=${Date.now()}`
    const browser = 'gzip, deflate, br, zstd'
    const rendered = await raw(path, browser)
    expect(rendered.headers['x-page-cache']).toBe('miss')
    expectWellFormed(rendered, 'br')
    const hit = await raw(path, browser)
    expect(hit.headers['x-page-cache']).toBe('hit')
    expectWellFormed(hit, 'gzip')
    const plain = await raw(path)
    expect(plain.headers['x-page-cache']).toBe('hit')
    expectWellFormed(plain, undefined)
    const brOnly = await raw(path, 'br')
    expectWellFormed(brOnly, 'br')

    const seen = new Set<string>()
    for (const reply of [rendered, hit, plain, brOnly]) {
      const html = decoded(reply).toString()
      expect(html).toMatch(/^<!DOCTYPE html>/i)
      expect(html).toContain('</html>')
      const [nonce, ...others] = nonces(html)
      expect(others).toEqual([])
      expect(nonce).toBe(cspNonce(reply))
      seen.add(nonce!)
      expect(reply.headers['content-type']).toMatch(/text\/html/)
      expect(reply.headers['x-frame-options']).toBe(rendered.headers['x-frame-options'])
      expect(policy(reply)).toBe(policy(rendered))
    }
    expect(seen.size).toBe(4)
    const withoutNonce = (reply: Raw) => decoded(reply).toString().replace(/nonce="[^"]+"/g, '')
    expect(withoutNonce(hit)).toBe(withoutNonce(rendered))
    expect(withoutNonce(plain)).toBe(withoutNonce(rendered))
  })

  it('an error page, which Nuxt renders in-process, reaches the browser intact', async () => {
    const reply = await raw('/no-such-page', 'gzip, deflate, br', 'GET', { accept: 'text/html' })
    expect(reply.status).toBe(404)
    const html = decoded(reply).toString()
    expect(html).toMatch(/^<!DOCTYPE html>/i)
    expect(nonces(html)[0]).toBe(cspNonce(reply))
  })

  it('HEAD gets the identity headers and no body', async () => {
    const path = `/about?head=${Date.now()}`
    for (let i = 0; i < 2; i++) {
      const reply = await raw(path, 'gzip, br', 'HEAD')
      expect(reply.status).toBe(200)
      expect(reply.headers['content-encoding']).toBeUndefined()
      expect(reply.headers.vary).toMatch(/accept-encoding/i)
      expect(reply.body.length).toBe(0)
    }
  })

  it('JSON: compressed for clients that accept it; tiny replies and clients that accept nothing get identity', async () => {
    // The OpenAPI document does not change while other tests add events, so the bytes can be compared.
    for (const path of ['/api/openapi.json', '/api/events']) {
      const identity = await raw(path)
      expectWellFormed(identity, undefined)
      expect(identity.headers['content-type']).toMatch(/application\/json/)
      for (const coding of ['br', 'gzip'] as const) {
        const reply = await raw(path, coding)
        expectWellFormed(reply, coding)
        expect(reply.headers['content-type']).toMatch(/application\/json/)
        expect(reply.headers['content-security-policy']).toBe(identity.headers['content-security-policy'])
        expect(reply.body.length).toBeLessThan(identity.body.length / 2)
        const json = JSON.parse(decoded(reply).toString())
        if (path === '/api/openapi.json') expect(decoded(reply).equals(identity.body)).toBe(true)
        else expect(Array.isArray(json.items)).toBe(true)
      }
    }
    const tiny = await raw('/api/health', 'br')
    expect(tiny.status).toBe(200)
    expect(tiny.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(tiny.body.toString())).toBeTruthy()
  })
})
