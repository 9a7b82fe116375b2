import { STATUS_CODES } from 'node:http'
import { appendResponseHeader, getRequestHeader, send, setResponseHeader, setResponseStatus, type H3Error } from 'h3'
import { defineNitroErrorHandler } from 'nitropack/runtime'
import { negotiateLanguage, LANGUAGE_COOKIE } from '#shared/i18n/languages'
import commonEn from '#shared/i18n/en/common.json'
import commonZh from '#shared/i18n/zh-CN/common.json'
import { databaseOutage } from '~~/server/database/outage'
import { log } from '~~/server/utils/log'
import { routeOf } from '~~/server/utils/request-log'
import { PROBLEM_TYPE, problemDetails, wantsProblem } from './problem'
import { unavailableDependency } from './unavailable'

const RETRY_AFTER_SECONDS = 5

const cookie = (header: string | undefined, name: string) => header?.split(';').map(p => p.trim().split('=')).find(([k]) => k === name)?.[1]

/**
 * Runs before Nuxt's and Nitro's own error handlers and only corrects the
 * error they will send: a database or Redis that does not answer is a 503
 * with Retry-After and a short message in the resident's language (on pages
 * error.vue shows it), not a 500; the reason phrase is the standard one for
 * the status ("Not Found", "Conflict"), never "Server Error" on a 4xx.
 * An API client that asks for `application/problem+json` gets the error here as
 * RFC 9457 problem details (server/errors/problem.ts), and the handlers after
 * this one see it answered; pages and other clients go on to them unchanged.
 */
export default defineNitroErrorHandler((error: H3Error, event) => {
  const dependency = unavailableDependency(error)
  if (dependency) {
    if (dependency === 'database') databaseOutage.failed(error.cause ?? error)
    const language = negotiateLanguage(cookie(getRequestHeader(event, 'cookie'), LANGUAGE_COOKIE), getRequestHeader(event, 'accept-language'))
    error.statusCode = 503
    error.message = (language === 'en' ? commonEn : commonZh).errors.unavailableBody
    error.data = { dependency, retryAfter: RETRY_AFTER_SECONDS }
    // Known, logged once per outage: not the stack trace Nitro prints for a bug.
    error.unhandled = false
  }
  else if (error.unhandled || (error.fatal && !(error.statusCode < 500))) {
    // A bug: logged here as one JSON line with its stack; the client gets the bare 500 Nitro would send, without Nitro's own print.
    log.error({ requestId: event.context.requestId, route: routeOf(event.path, event.context.matchedRoute?.path), error: error.cause instanceof Error ? error.cause.stack : error.stack }, 'request failed')
    Object.assign(error, { statusCode: error.statusCode || 500, message: 'Server Error', data: undefined, unhandled: false, fatal: false })
  }
  if (error.statusCode === 503) setResponseHeader(event, 'retry-after', (error.data as { retryAfter?: number } | undefined)?.retryAfter ?? RETRY_AFTER_SECONDS)
  if (error.statusCode !== 499) error.statusMessage = STATUS_CODES[error.statusCode] ?? 'Error'
  const path = event.path.split('?')[0]!
  if (!path.startsWith('/api/')) return
  appendResponseHeader(event, 'vary', 'Accept')
  if (error.statusCode === 499 || !wantsProblem(getRequestHeader(event, 'accept'))) return
  setResponseStatus(event, error.statusCode, error.statusMessage)
  setResponseHeader(event, 'content-type', PROBLEM_TYPE)
  setResponseHeader(event, 'cache-control', 'no-store')
  // As Nitro's JSON error handler sends it.
  setResponseHeader(event, 'x-content-type-options', 'nosniff')
  return send(event, JSON.stringify(problemDetails(error, path)))
})
