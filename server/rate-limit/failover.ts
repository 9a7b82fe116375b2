import type { Counters, Limit } from './counters'

/** The shared store did not answer and the limit fails closed. */
export class LimitsUnavailable extends Error {
  constructor(cause: unknown) {
    super('The shared rate-limit store (Redis) is not answering', { cause })
  }
}

/**
 * The policy when the shared store fails: a limit marked `failClosed` (the
 * sign-in lock-out) refuses at once; every other limit fails open to this
 * instance's own counts, so bookings and look-ups go on, each instance
 * allowing the limit by itself until the store answers again.
 */
export async function withFailover<T>(limit: Limit, shared: () => Counters, alone: Counters, work: (c: Counters) => T | Promise<T>): Promise<T> {
  try {
    return await work(shared())
  }
  catch (error) {
    // The store's client logs the outage once (rate-limit/redis-client.ts).
    if (limit.failClosed) throw new LimitsUnavailable(error)
    return work(alone)
  }
}
