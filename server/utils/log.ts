import pino from 'pino'
import { portalConfig } from './config'

/**
 * One JSON line per event on standard output: time, level, message and the
 * fields given (request id, route, status, duration for requests). PORTAL_LOG_LEVEL
 * picks the least level written (info by default; debug, warn, error, silent).
 */
export const log = pino({
  level: portalConfig().logLevel,
  base: { service: 'portal' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: label => ({ level: label }) },
})

/**
 * A dependency that can go away and come back (the database, Redis): one line
 * when it starts failing, one when it works again with how many failures there
 * were and for how long, instead of a line per failure.
 */
export function outageLog(dependency: string, effect: string) {
  let failures = 0
  let since = 0
  return {
    get down() {
      return failures > 0
    },
    failed(error: unknown) {
      if (!failures++) {
        since = Date.now()
        log.error({ dependency, error: (error as Error)?.message ?? String(error) }, `${dependency} unavailable: ${effect}`)
      }
    },
    recovered() {
      if (!failures) return
      log.warn({ dependency, failures, downMs: Date.now() - since }, `${dependency} available again`)
      failures = 0
    },
  }
}
