import { randomBytes, timingSafeEqual } from 'node:crypto'
import { fetchWithEvent, type H3Event } from 'h3'

const bodyHeaders = new Set(['content-length', 'transfer-encoding', 'content-type', 'content-encoding'])

/** The header that lets @nuxt/content's own in-process requests through: a secret this process alone knows. */
export const CONTENT_PASS_HEADER = 'x-portal-content-pass'
const pass = randomBytes(32).toString('base64url')

/** True only for a request this server made to itself through contentEvent. */
export function isContentPass(value: string | undefined) {
  if (!value) return false
  const given = Buffer.from(value)
  const wanted = Buffer.from(pass)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

/**
 * The event to give @nuxt/content's queryCollection. Every query, and a collection's first load of
 * its dump, is an in-process request to /__nuxt_content/**; those routes answer 404 to everyone else
 * (server/middleware/00.content.ts), so these carry the process's pass. The copied request's headers
 * are the visitor's without their body's: after a POST, the copied Content-Length made the dump's GET
 * wait for a body that never comes, and every later query waited on it too.
 */
export function contentEvent(event: H3Event): H3Event {
  const headers = Object.fromEntries(Object.entries(event.node.req.headers).filter(([name]) => !bodyHeaders.has(name) && name !== CONTENT_PASS_HEADER))
  const req = Object.create(event.node.req, { headers: { value: headers, enumerable: true } })
  const proxy = Object.create(event, { node: { value: { req, res: event.node.res } } }) as H3Event
  const localFetch = (globalThis as unknown as { $fetch: typeof fetch }).$fetch
  Object.defineProperty(proxy, '$fetch', {
    value: (url: string, init?: RequestInit) => fetchWithEvent(proxy, url, { ...init, headers: { ...(init?.headers as Record<string, string>), [CONTENT_PASS_HEADER]: pass } } as never, { fetch: localFetch as never }),
  })
  return proxy
}
