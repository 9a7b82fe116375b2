import { offerGzip } from '~~/server/compression/respond'
import { pageCacheKey } from '~~/server/page-cache/policy'
import { noneMatch, NOT_MODIFIED_DROPS } from '~~/server/http/validators'
import { endRender, joinRender, recallPage } from '~~/server/page-cache/store'

/**
 * Public pages are rendered once and served again for a few seconds to everyone
 * with the same language and display mode (server/plugins/02.page-cache.ts keeps
 * them). Availability on such a page may lag by that long; a booking always
 * checks the live count.
 */
/** How long a request waits for another's render of the same page before rendering it itself. */
const WAIT_MS = 5000

export default defineEventHandler(async (event) => {
  if (!portalConfig().pageCacheSeconds) return
  const key = pageCacheKey({
    method: event.method, host: getRequestHost(event), url: event.path,
    cookieHeader: getRequestHeader(event, 'cookie'), acceptLanguage: getRequestHeader(event, 'accept-language'),
  })
  if (!key) return
  let page = recallPage(key)
  if (!page) {
    const other = joinRender(key)
    if (!other) {
      // This request renders the page; the others asking for it meanwhile wait (server/plugins/02.page-cache.ts ends it
      // once the page is kept, the response's close in every other case).
      event.context.pageCacheKey = key
      event.context.pageCacheRenders = true
      event.node.res.once('close', () => endRender(key))
      return
    }
    let timer: NodeJS.Timeout | undefined
    await Promise.race([other, new Promise((resolve) => {
      timer = setTimeout(resolve, WAIT_MS)
    })])
    clearTimeout(timer)
    page = recallPage(key)
    if (!page) {
      event.context.pageCacheKey = key
      return
    }
  }
  setResponseHeaders(event, page.headers)
  setResponseHeader(event, 'x-page-cache', 'hit')
  setResponseHeader(event, 'etag', page.etag)
  // A client that has this page already gets a 304 here, with nothing compressed (server/plugins/02.validators.ts for the rest).
  const matched = noneMatch(getRequestHeader(event, 'if-none-match'), page.etag)
  if (matched) {
    setResponseHeader(event, 'etag', matched)
    for (const name of NOT_MODIFIED_DROPS) removeResponseHeader(event, name)
    setResponseStatus(event, 304, 'Not Modified')
    return ''
  }
  // server/plugins/03.compression.ts sends this to clients that accept gzip, instead of compressing the page again.
  offerGzip(event, page.gzip)
  return page.body
})
