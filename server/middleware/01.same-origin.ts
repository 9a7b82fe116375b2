import { portalConfig } from '../utils/config'
/**
 * State-changing requests from a browser must come from the portal's own
 * pages. Browsers send Sec-Fetch-Site and Origin; other clients (a city's app
 * server, the mini-program back end) send neither and are not affected.
 */
const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export default defineEventHandler((event) => {
  if (!unsafe.has(event.method)) return
  const site = getRequestHeader(event, 'sec-fetch-site')
  if (site && site !== 'same-origin' && site !== 'none') {
    throw createError({ statusCode: 403, message: 'Cross-site requests are not accepted' })
  }
  const origin = getRequestHeader(event, 'origin')
  if (!origin) return
  const { publicOrigin, trustProxy } = portalConfig()
  let allowed: boolean
  try {
    const from = new URL(origin)
    allowed = publicOrigin
      ? from.origin === new URL(publicOrigin).origin
      : from.host === getRequestHost(event, { xForwardedHost: trustProxy })
  }
  catch {
    allowed = false
  }
  if (!allowed) throw createError({ statusCode: 403, message: 'Cross-site requests are not accepted' })
})
