import { portalConfig } from '~~/server/utils/config'
import { requestOrigin } from '~~/server/utils/origin'
/**
 * State-changing requests from a browser must come from the portal's own
 * pages. Browsers send Sec-Fetch-Site and Origin; other clients (a city's app
 * server, the mini-program back end) send neither and are not affected.
 */
const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/**
 * Server-to-server routes that prove who calls them with a signature over the body, not a
 * cookie: a browser's origin says nothing about them (an SMS gateway's console may send one).
 */
const signedRoutes = new Set(['/api/sms/inbound'])

export default defineEventHandler((event) => {
  if (!unsafe.has(event.method)) return
  if (signedRoutes.has(event.path.split('?')[0]!.replace(/\/+$/, ''))) return
  const site = getRequestHeader(event, 'sec-fetch-site')
  if (site && site !== 'same-origin' && site !== 'none') {
    throw createError({ statusCode: 403, message: 'Cross-site requests are not accepted' })
  }
  const origin = getRequestHeader(event, 'origin')
  if (!origin) return
  const config = portalConfig()
  let allowed: boolean
  try {
    // Scheme, host and port: an https page is another origin than the same host over http.
    const from = new URL(origin).origin
    allowed = from === (config.publicOrigin ? new URL(config.publicOrigin).origin : new URL(requestOrigin(event, config)).origin)
  }
  catch {
    allowed = false
  }
  if (!allowed) throw createError({ statusCode: 403, message: 'Cross-site requests are not accepted' })
})
