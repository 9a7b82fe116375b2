import type { Dependency } from '~~/server/utils/errors'

// Connection failures of PostgreSQL (and its driver), and an embedded SQLite that cannot write; anything else is a bug.
const PG_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300'])
const DATABASE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|database is locked|disk I\/O error|unable to open database file|attempt to write a readonly database|database or disk is full/i
const REDIS_MESSAGES = /enableOfflineQueue options is false|Command timed out|Connection is closed|MaxRetriesPerRequestError/i

/**
 * Which dependency an error says is unavailable (the database, Redis), or
 * null: such a failure is a 503 with Retry-After, not a bug's 500. Follows
 * the chain of causes, since h3 wraps what a handler threw.
 */
export function unavailableDependency(error: unknown): Dependency | null {
  for (let e = error as { code?: unknown, message?: unknown, cause?: unknown, data?: { dependency?: Dependency } } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.data?.dependency) return e.data.dependency
    const code = typeof e.code === 'string' ? e.code : ''
    const message = typeof e.message === 'string' ? e.message : ''
    if (REDIS_MESSAGES.test(message)) return 'redis'
    if (PG_CODES.has(code) || code.startsWith('08') || DATABASE_MESSAGES.test(message)) return 'database'
  }
  return null
}
