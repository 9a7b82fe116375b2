import { allowAnyOrigin, isPublicRead, preflight } from '~~/server/http/cors'
import { isPagePath, PAGE_VARY, pageCacheControl } from '~~/server/http/pages'

/**
 * HTTP as clients expect it, before any route runs (server/http/):
 * - HEAD on the API is answered as GET (Nitro matches `*.get.ts` routes to GET only); Node sends
 *   the headers without the body, so HEAD cannot drift from GET;
 * - the public read-only API and the open data may be read from any origin (CORS `*`, preflight 204);
 * - every page says what it varies on and whether it may be kept (Vary, Cache-Control).
 * ETags and 304s are decided once the body exists (server/plugins/02.validators.ts).
 */
export default defineEventHandler((event) => {
  const path = event.path.split('?')[0]!
  if (path.startsWith('/api/')) {
    if (event.method === 'HEAD') {
      event.context.head = true
      event.node.req.method = 'GET'
      ;(event as unknown as { _method: string })._method = 'GET'
    }
    if (!isPublicRead(path)) return
    if (event.method === 'OPTIONS') return preflight(event) ? '' : undefined
    if (event.method === 'GET') allowAnyOrigin(event)
    return
  }
  if ((event.method === 'GET' || event.method === 'HEAD') && isPagePath(path)) {
    setResponseHeader(event, 'cache-control', pageCacheControl(path, getRequestHeader(event, 'cookie')))
    setResponseHeader(event, 'vary', PAGE_VARY)
  }
})
