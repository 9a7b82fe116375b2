import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createError, getRequestHeader, type H3Event } from 'h3'

/** The header the entrant's browser sends the secret in (never the URL: addresses end up in logs and history). */
export const ENTRY_SECRET_HEADER = 'x-entry-secret'

/** 192 random bits: only the entrant gets it, once; the server keeps its SHA-256. */
export function mintEntrySecret() {
  const secret = randomBytes(24).toString('base64url')
  return { secret, hash: hashOf(secret) }
}

const hashOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex')

/** The request's secret, as its hash, for the entry query; 403 without one (staff hold the id, never the secret). */
export function entrySecretHash(event: H3Event): string {
  const secret = getRequestHeader(event, ENTRY_SECRET_HEADER)
  if (!secret || !/^[\w-]{32}$/.test(secret)) throw forbidden()
  return hashOf(secret)
}

/** Constant-time, so the comparison itself tells nothing. */
export function assertEntrySecret(stored: string | null, given: string) {
  if (!stored || stored.length !== given.length || !timingSafeEqual(Buffer.from(stored), Buffer.from(given))) throw forbidden()
}

const forbidden = () => createError({ statusCode: 403, message: 'Only the person who entered can answer this entry', data: { reason: 'not-entrant' } })
