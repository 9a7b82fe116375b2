/** Bodies under this many bytes are sent as they are: too little to save for the CPU it costs. */
export const MIN_COMPRESS_BYTES = 1024

// Text that compresses well: text/* (but not event streams, which are sent piece by piece),
// JSON, JavaScript, XML and their +json/+xml relatives, SVG.
const COMPRESSIBLE = /^(?:text\/(?!event-stream\b)[\w.+-]+|application\/(?:json|javascript|ecmascript|xml|[\w.-]+\+(?:json|xml))|image\/svg\+xml)\s*(?:;|$)/i

export function compressibleType(contentType: string | undefined): boolean {
  return !!contentType && COMPRESSIBLE.test(contentType.trim())
}

export interface ResponseFacts {
  status: number
  contentType: string | undefined
  contentEncoding: string | undefined
  cacheControl: string | undefined
  contentRange: string | undefined
}

/**
 * Whether a reply would be compressed for a client that accepts it, whatever
 * this client accepts (so it also decides Vary): a complete text body, not
 * already encoded, nothing that forbids changing it.
 */
export function mayCompress(response: ResponseFacts): boolean {
  const { status, contentEncoding, cacheControl } = response
  if (status < 200 || status === 204 || status === 206 || status === 304 || response.contentRange) return false
  if (contentEncoding && contentEncoding.trim().toLowerCase() !== 'identity') return false
  if (cacheControl && /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(cacheControl)) return false
  return compressibleType(response.contentType)
}

/** A Vary value that also names Accept-Encoding, each name once (`*` stays `*`). */
export function varyWith(current: string | undefined, name = 'Accept-Encoding'): string {
  const names = (current ?? '').split(',').map(s => s.trim()).filter(Boolean)
  if (names.includes('*')) return '*'
  const seen = new Set<string>()
  const unique = [...names, name].filter((n) => {
    const key = n.toLowerCase()
    return !seen.has(key) && !!seen.add(key)
  })
  return unique.join(', ')
}

/**
 * A strong ETag names exact bytes; the compressed reply is another byte sequence of the same content,
 * so it gets its own strong tag, the coding added inside the quotes (`"abc"` → `"abc-br"`, as Apache
 * does); If-None-Match compares them without it (server/http/validators.ts). A weak tag stays as it is.
 */
export function codedEtag(etag: string, coding: string): string {
  return etag.startsWith('W/') ? etag : etag.replace(/"$/, `-${coding}"`)
}
