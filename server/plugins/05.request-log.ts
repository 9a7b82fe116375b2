import { log } from '~~/server/utils/log'
import { requestLogLine, requestId } from '~~/server/utils/request-log'

/**
 * One JSON line per request when its response is done or its client went
 * away (utils/log.ts): request id (X-Request-Id, taken from the proxy when it
 * sends one, else made here, and returned), method, route, status, duration.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    const started = performance.now()
    const id = requestId(event)
    event.node.res.once('close', () => log.info(requestLogLine(event, id, performance.now() - started)))
  })
})
