import { fetchWithEvent, type H3Event } from 'h3'

const bodyHeaders = new Set(['content-length', 'transfer-encoding', 'content-type', 'content-encoding'])

/**
 * The event to give @nuxt/content's queryCollection. On a collection's first query it loads the
 * collection's dump with an internal GET that carries the request's headers; after a POST, the
 * copied Content-Length makes that GET wait for a body that never comes, and every later query
 * waits on it too. This is the same request without its body's headers.
 */
export function contentEvent(event: H3Event): H3Event {
  const headers = Object.fromEntries(Object.entries(event.node.req.headers).filter(([name]) => !bodyHeaders.has(name)))
  const req = Object.create(event.node.req, { headers: { value: headers, enumerable: true } })
  const proxy = Object.create(event, { node: { value: { req, res: event.node.res } } }) as H3Event
  const localFetch = (globalThis as unknown as { $fetch: typeof fetch }).$fetch
  Object.defineProperty(proxy, '$fetch', { value: (url: string, init?: RequestInit) => fetchWithEvent(proxy, url, init as never, { fetch: localFetch as never }) })
  return proxy
}
