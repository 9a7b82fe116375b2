import { IncomingMessage } from 'node:http'
import type { H3Event } from 'h3'
import { getRequestHeader, getResponseHeader, getResponseStatus, setResponseHeader } from 'h3'
import { encode } from './encode'
import { chooseCoding } from './negotiate'
import { codedEtag, MIN_COMPRESS_BYTES, mayCompress, varyWith } from './policy'

const OFFERED_GZIP = 'compression:gzip'

/**
 * A handler whose body exists gzip-compressed already (the page cache) offers it
 * here; a client that accepts gzip then gets it instead of a fresh compression,
 * even if it would prefer brotli.
 */
export function offerGzip(event: H3Event, gzip: () => Buffer): void {
  event.context[OFFERED_GZIP] = gzip
}

const header = (event: H3Event, name: string): string | undefined => {
  const value = getResponseHeader(event, name)
  return value === undefined ? undefined : Array.isArray(value) ? value.join(', ') : String(value)
}

/**
 * The body as h3 would write it (a string or bytes), with h3's default
 * Content-Type set, or undefined for what is not a complete body we may touch:
 * streams (and so server-sent events), Responses, Blobs, errors, null.
 */
export function bodyText(event: H3Event, body: unknown): string | Uint8Array | undefined {
  if (typeof body === 'string' || body instanceof Uint8Array) {
    if (typeof body === 'string' && !getResponseHeader(event, 'content-type')) setResponseHeader(event, 'content-type', 'text/html')
    return body
  }
  if (typeof body !== 'object' || body === null) return undefined
  const proto = Object.getPrototypeOf(body)
  if (!Array.isArray(body) && proto !== Object.prototype && proto !== null) return undefined
  const shaped = body as { buffer?: unknown, end?: unknown, arrayBuffer?: unknown }
  if (shaped.buffer || typeof shaped.end === 'function' || typeof shaped.arrayBuffer === 'function') return undefined
  if (!getResponseHeader(event, 'content-type')) setResponseHeader(event, 'content-type', 'application/json')
  return JSON.stringify(body)
}

/**
 * `beforeResponse`: compresses a complete text reply for a client that accepts
 * br or gzip, after every other hook has seen it (the page cache keeps the
 * uncompressed text). h3 sends `response.body` as given after this hook, so
 * replacing it with bytes is all it takes; headers are set to match.
 */
export function compressResponse(event: H3Event, response: { body?: unknown } | undefined): void {
  if (!response || event.handled) return
  // Only what leaves over a socket. In-process calls (Nitro's localFetch) read the body as text:
  // Nuxt's error handler renders the error page that way, forwarding the visitor's Accept-Encoding.
  if (!(event.node.req instanceof IncomingMessage)) return
  const status = getResponseStatus(event)
  if (status === 304 || status === 204) return
  const body = bodyText(event, response.body)
  if (body === undefined) return
  if (typeof body === 'string') response.body = body // JSON serialised once, here instead of in h3
  const facts = {
    status,
    contentType: header(event, 'content-type'),
    contentEncoding: header(event, 'content-encoding'),
    cacheControl: header(event, 'cache-control'),
    contentRange: header(event, 'content-range'),
  }
  if (!mayCompress(facts)) return
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
  if (size < MIN_COMPRESS_BYTES) return

  setResponseHeader(event, 'vary', varyWith(header(event, 'vary')))
  // HEAD gets the identity headers: there is no body to compress (the API's HEAD runs as GET: server/middleware/00.http.ts).
  if (event.method === 'HEAD' || event.context.head) return
  const accept = getRequestHeader(event, 'accept-encoding')
  const offered = event.context[OFFERED_GZIP] as (() => Buffer) | undefined
  const coding = offered && chooseCoding(accept, ['gzip']) ? 'gzip' : chooseCoding(accept)
  if (!coding) return
  const encoded = coding === 'gzip' && offered ? offered() : encode(typeof body === 'string' ? Buffer.from(body) : body, coding)
  response.body = encoded
  setResponseHeader(event, 'content-encoding', coding)
  setResponseHeader(event, 'content-length', encoded.byteLength)
  const etag = header(event, 'etag')
  if (etag) setResponseHeader(event, 'etag', codedEtag(etag, coding))
}
