import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Checks `X-Portal-Signature: sha256=<hex>` against the HMAC-SHA-256 of the raw body with
 * PORTAL_NOTIFY_WEBHOOK_SECRET, the same signature the portal puts on its own messages.
 * Compared in constant time; no secret configured means nothing is accepted.
 */
export function signatureValid(raw: Buffer | undefined, header: string | undefined, secret: string | undefined): boolean {
  if (!secret || !header) return false
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim())
  if (!match) return false
  const expected = createHmac('sha256', secret).update(raw ?? Buffer.alloc(0)).digest()
  return timingSafeEqual(expected, Buffer.from(match[1]!, 'hex'))
}
