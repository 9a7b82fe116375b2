import type { Redis, RedisOptions } from 'ioredis'
import { outageLog } from '~~/server/utils/log'

/**
 * Stated so that an outage fails fast instead of queueing: a command waits at
 * most half a second, nothing is queued while disconnected (a queued sign-in
 * would be counted minutes later, all at once) and nothing unanswered is sent
 * again on reconnect. Reconnects every 0.2–2 s, for ever.
 */
export const redisOptions = {
  connectTimeout: 1000,
  commandTimeout: 500,
  enableOfflineQueue: false,
  autoResendUnfulfilledCommands: false,
  maxRetriesPerRequest: 0,
  retryStrategy: (times: number) => Math.min(times * 200, 2000),
} satisfies RedisOptions

const outage = outageLog('redis', 'sign-in answers 503; other limits count in each instance alone')

let watched: Redis | undefined

/** Handles the client's error events (unhandled, ioredis prints each one) as one line per outage. */
export function watchRedis(client: Redis) {
  watched = client
  client.on('error', error => outage.failed(error))
  client.on('close', () => client.status !== 'end' && outage.failed(new Error('connection closed')))
  client.on('ready', () => outage.recovered())
}

/** For readiness: whether the shared Redis answers now; null when the portal runs without one. */
export async function redisReady(): Promise<boolean | null> {
  if (!watched) return null
  try {
    return await watched.ping() === 'PONG'
  }
  catch {
    return false
  }
}
