import { endRender, rememberPage } from '~~/server/page-cache/store'

/**
 * Keeps a public page as it is sent (server/middleware/03.page-cache.ts serves
 * it again). `beforeResponse` runs after every render hook, so the security
 * headers and the nonce are final.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event, response) => {
    const key = event.context.pageCacheKey as string | undefined
    if (!key || getResponseStatus(event) !== 200 || typeof response?.body !== 'string') return
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(getResponseHeaders(event))) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
    }
    if (headers['set-cookie']) return
    rememberPage(key, { html: response.body, headers, nonce: event.context.security?.nonce })
    if (event.context.pageCacheRenders) endRender(key)
    setResponseHeader(event, 'x-page-cache', 'miss')
  })
})
