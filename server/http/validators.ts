import { createHash } from 'node:crypto'

/**
 * An entity tag from the bytes sent: strong (the same bytes, the same tag). A page carries a CSP
 * nonce that is new on every reply, so its tag is taken with the nonce left out and is weak
 * (`W/`): the same page, not the same bytes. Either way a client's If-None-Match gets its 304.
 */
export function etagOf(body: string | Uint8Array, nonce?: string): string {
  const hash = createHash('sha256')
  if (nonce && typeof body !== 'string') body = Buffer.from(body).toString('utf8')
  hash.update(nonce && typeof body === 'string' ? body.replaceAll(nonce, '') : body)
  const tag = `"${hash.digest('base64url').slice(0, 27)}"`
  return nonce ? `W/${tag}` : tag
}

/** The tag without W/ and without the content coding server/compression adds to a strong tag (`"…-br"`). */
const opaque = (tag: string) => tag.trim().replace(/^W\//, '').replace(/-(?:br|gzip)"$/, '"')

/**
 * If-None-Match compared weakly (RFC 9110 13.1.2): the tag it lists that names the same representation
 * (`*` names any), to send back with the 304, so the client keeps the tag it has; else null.
 */
export function noneMatch(ifNoneMatch: string | undefined, etag: string): string | null {
  if (!ifNoneMatch) return null
  if (ifNoneMatch.trim() === '*') return etag
  const current = opaque(etag)
  return ifNoneMatch.split(',').map(tag => tag.trim()).find(tag => opaque(tag) === current) ?? null
}

/**
 * Headers a 304 leaves out: it has no body, and the browser merges what it carries into the page it kept,
 * whose scripts carry the nonce of that earlier reply (a new Content-Security-Policy would block them).
 */
export const NOT_MODIFIED_DROPS = ['content-type', 'content-length', 'content-encoding', 'content-security-policy', 'x-page-cache']
