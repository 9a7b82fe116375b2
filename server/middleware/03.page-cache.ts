import { offerGzip } from '../compression/respond'
import { pageCacheKey } from '../page-cache/policy'
import { noneMatch, NOT_MODIFIED_DROPS } from '../http/validators'
import { recallPage } from '../page-cache/store'

/**
 * Public pages are rendered once and served again for a few seconds to everyone
 * with the same language and display mode (server/plugins/02.page-cache.ts keeps
 * them). Availability on such a page may lag by that long; a booking always
 * checks the live count.
 */
export default defineEventHandler((event) => {
  if (!portalConfig().pageCacheSeconds) return
  const key = pageCacheKey({
    method: event.method, host: getRequestHost(event), url: event.path,
    cookieHeader: getRequestHeader(event, 'cookie'), acceptLanguage: getRequestHeader(event, 'accept-language'),
  })
  if (!key) return
  const page = recallPage(key)
  if (!page) {
    event.context.pageCacheKey = key
    return
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
