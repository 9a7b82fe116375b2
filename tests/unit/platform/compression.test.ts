import { randomBytes } from 'node:crypto'
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { encode } from '~~/server/compression/encode'
import { SplicedText } from '~~/server/compression/gzip-splice'
import { acceptedCodings, chooseCoding } from '~~/server/compression/negotiate'
import { MIN_COMPRESS_BYTES, compressibleType, mayCompress, varyWith, codedEtag } from '~~/server/compression/policy'

const nonce = () => randomBytes(18).toString('base64')
const page = (old: string, body: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><script nonce="${old}">1</script></head><body>${body}<script nonce="${old}" type="module"></script></body></html>`

describe('a cached page is spliced into gzip with a fresh nonce, compressing nothing per reply', () => {
  const cases: Array<[string, string, string]> = (() => {
    const old = nonce()
    return [
      ['no nonce', '<p>没有随机数的页面</p>'.repeat(50), old],
      ['one nonce', `<p>before</p><script nonce="${old}"></script><p>after</p>`, old],
      ['several nonces, two side by side, one at each end', `${old}<a nonce="${old}">${old}${old}</a>${'x'.repeat(300)}${old}`, old],
      // Pieces that repeat most of the old nonce, or runs of one byte: a reference into a nonce's place would show.
      ['text that resembles the nonce', Array.from({ length: 30 }, (_, i) => `<link nonce="${old}" href="/${old.slice(i % 5, 20)}.js">${'A \0x'[i % 4]!.repeat(40)}`).join(''), old],
      ['Chinese text', page(old, '<h1>信息消费体验周</h1><p>长辈模式：更大的文字、更高的对比度。</p>'.repeat(40)), old],
      ['a large body (1.1 MB, many deflate blocks)', page(old, Array.from({ length: 40_000 }, (_, i) => `<li>活动 ${i} · ${i * 7919 % 1000}</li>`).join('')), old],
    ]
  })()

  it.each(cases)('%s', (_name, html, old) => {
    const text = new SplicedText(html, html.includes(old) ? old : undefined)
    for (const fresh of [nonce(), nonce()]) {
      const expected = html.replaceAll(old, fresh)
      expect(gunzipSync(text.gzip(fresh)).toString()).toBe(expected)
      expect(text.text(fresh).toString()).toBe(expected)
    }
  })

  it('compresses about as well as one stream: each piece refers back across the nonces before it', () => {
    const old = nonce()
    const links = Array.from({ length: 30 }, (_, i) => `<link rel="modulepreload" nonce="${old}" href="/_nuxt/chunk-${i * 7919 % 997}.js">`)
    const events = Array.from({ length: 400 }, (_, i) => `<li><a href="/events/e-${i * 7919 % 10007}">活动 ${i * 31 % 97} · 第${i % 7}天</a></li>`)
    const html = page(old, links.join('') + events.join(''))
    const text = new SplicedText(html, old)
    const first = text.gzip(nonce())
    // What a nonce costs: a stored block (5 bytes + the nonce) and the pieces' end marks.
    expect(first.length).toBeLessThan(gzipSync(html).length + 32 * 40)
    expect(first.length).toBeLessThan(Buffer.byteLength(html) / 4)
    expect(text.gzip(nonce()).length).toBe(first.length)
  })

  it('takes values of any length (the pieces are compressed again for a new length)', () => {
    const old = nonce()
    const html = page(old, '<p>值</p>'.repeat(100))
    const text = new SplicedText(html, old)
    for (const value of [nonce(), '', 'short', '随机数', nonce() + nonce(), nonce()])
      expect(gunzipSync(text.gzip(value)).toString()).toBe(html.replaceAll(old, value))
  })

  it('control: gunzip refuses a member with a wrong CRC, a wrong length, or no final block', () => {
    const old = nonce()
    const good = new SplicedText(page(old, 'content '.repeat(500)), old).gzip(nonce())
    expect(() => gunzipSync(good)).not.toThrow()
    const badCrc = Buffer.from(good)
    badCrc[badCrc.length - 8]! ^= 1
    expect(() => gunzipSync(badCrc)).toThrow(/check/i)
    const badSize = Buffer.from(good)
    badSize[badSize.length - 4]! ^= 1
    expect(() => gunzipSync(badSize)).toThrow()
    // Without the final block 03 00 the stream never ends: the trailer is read as deflate data.
    const noFinal = Buffer.concat([good.subarray(0, good.length - 10), good.subarray(good.length - 8)])
    expect(() => gunzipSync(noFinal)).toThrow()
    expect(() => gunzipSync(good.subarray(0, good.length - 10))).toThrow(/unexpected end/i)
  })
})

describe('Accept-Encoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['BR;Q=0, GZIP;Q=0.5', 'gzip'],
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['*', 'br'],
    ['*;q=0', null],
    ['gzip;q=0, *', 'br'],
    ['br;q=0, *;q=0.1', 'gzip'],
    ['identity, *;q=0', null],
    ['x-gzip', 'gzip'],
    ['deflate', null],
    ['gzip;q=nonsense', null],
    ['gzip;q=1.5', null],
  ])('%j → %s', (header, coding) => {
    expect(chooseCoding(header)).toBe(coding)
  })

  it('takes only what is offered: gzip from the page cache when the client also takes br', () => {
    expect(chooseCoding('gzip, deflate, br', ['gzip'])).toBe('gzip')
    expect(chooseCoding('br', ['gzip'])).toBeNull()
    expect(chooseCoding('br, gzip;q=0', ['gzip'])).toBeNull()
  })

  it('reads weights per coding', () => {
    expect(acceptedCodings('gzip;q=0.5, br, identity;q=0')).toEqual(new Map([['gzip', 0.5], ['br', 1], ['identity', 0]]))
  })
})

describe('which replies are compressed, and how', () => {
  const reply = (over: Partial<Parameters<typeof mayCompress>[0]> = {}) =>
    mayCompress({ status: 200, contentType: 'text/html;charset=utf-8', contentEncoding: undefined, cacheControl: undefined, contentRange: undefined, ...over })

  it('text, JSON, JavaScript, SVG; not images, files or event streams', () => {
    for (const type of ['text/html', 'text/html;charset=utf-8', 'application/json', 'application/problem+json', 'text/javascript; charset=utf-8', 'text/csv; charset=utf-8', 'text/calendar', 'image/svg+xml'])
      expect(compressibleType(type), type).toBe(true)
    for (const type of [undefined, '', 'image/png', 'application/octet-stream', 'application/pdf', 'text/event-stream', 'text/event-stream; charset=utf-8', 'application/jsonx'])
      expect(compressibleType(type), type).toBe(false)
  })

  it('not when encoded already, not modified, partial, or marked no-transform', () => {
    expect(reply()).toBe(true)
    expect(reply({ status: 404 })).toBe(true)
    expect(reply({ contentEncoding: 'identity' })).toBe(true)
    expect(reply({ contentEncoding: 'gzip' })).toBe(false)
    expect(reply({ contentEncoding: 'br' })).toBe(false)
    for (const status of [101, 204, 206, 304]) expect(reply({ status }), String(status)).toBe(false)
    expect(reply({ contentRange: 'bytes 0-99/1000' })).toBe(false)
    expect(reply({ cacheControl: 'public, no-transform' })).toBe(false)
    expect(reply({ cacheControl: 'no-store' })).toBe(true)
    expect(MIN_COMPRESS_BYTES).toBe(1024)
  })

  it('names Accept-Encoding in Vary once, and gives a compressed reply its own strong ETag', () => {
    expect(varyWith(undefined)).toBe('Accept-Encoding')
    expect(varyWith('Cookie')).toBe('Cookie, Accept-Encoding')
    expect(varyWith('accept-encoding, Accept-Encoding')).toBe('accept-encoding')
    expect(varyWith('*')).toBe('*')
    expect(codedEtag('"abc"', 'br')).toBe('"abc-br"')
    expect(codedEtag('"abc"', 'gzip')).toBe('"abc-gzip"')
    expect(codedEtag('W/"abc"', 'br')).toBe('W/"abc"')
  })

  it('brotli and gzip round-trip, brotli smaller', () => {
    const body = Buffer.from(JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ id: i, title: `活动 ${i}` }))))
    const br = encode(body, 'br')
    const gz = encode(body, 'gzip')
    expect(brotliDecompressSync(br)).toEqual(body)
    expect(gunzipSync(gz)).toEqual(body)
    expect(br.length).toBeLessThan(gz.length)
  })
})
