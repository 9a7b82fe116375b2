import { IncomingMessage } from 'node:http'
import { bodyText } from '~~/server/compression/respond'
import { isPagePath } from '~~/server/http/pages'
import { etagOf, noneMatch, NOT_MODIFIED_DROPS } from '~~/server/http/validators'

/**
 * ETags and 304s for the API's GETs and the pages: registered after 02.page-cache (which keeps the
 * page as rendered) and before 03.compression (so the tag is the uncompressed body's; a compressed
 * reply gets its coding added to it). A tag set before (by the route, as case pictures do, or by
 * server/middleware/03.page-cache.ts for a page from the cache, taken when it was kept) is used as it is.
 * What must not be kept (no-store) gets no tag: no one will ask again.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event, response) => {
    if (!response || event.handled || (event.method !== 'GET' && event.method !== 'HEAD')) return
    // In-process calls (a page's useFetch on the server) are nobody's cache.
    if (!(event.node.req instanceof IncomingMessage) || getResponseStatus(event) !== 200) return
    const path = event.path.split('?')[0]!
    if (!path.startsWith('/api/') && !isPagePath(path)) return
    if (/\bno-store\b/i.test(String(getResponseHeader(event, 'cache-control') ?? ''))) return
    let etag = getResponseHeader(event, 'etag') as string | undefined
    if (!etag) {
      const body = bodyText(event, response.body)
      if (body === undefined) return
      if (typeof body === 'string') response.body = body // serialised once, here
      const html = /^text\/html\b/i.test(String(getResponseHeader(event, 'content-type') ?? ''))
      etag = etagOf(body, html ? event.context.security?.nonce : undefined)
      setResponseHeader(event, 'etag', etag)
    }
    const matched = noneMatch(getRequestHeader(event, 'if-none-match'), etag)
    if (!matched) return
    setResponseStatus(event, 304, 'Not Modified')
    setResponseHeader(event, 'etag', matched)
    for (const name of NOT_MODIFIED_DROPS) removeResponseHeader(event, name)
    response.body = ''
  })
})
