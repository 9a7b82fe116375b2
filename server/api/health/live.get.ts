import type { LivenessResponse } from '#shared/platform/schemas'

/** Liveness: the process answers. It checks nothing else, so an outage of the database never gets instances restarted. */
export default defineEventHandler((event): LivenessResponse => {
  setResponseHeader(event, 'cache-control', 'no-store')
  return { ok: true }
})
