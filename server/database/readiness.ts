import type { Kysely } from 'kysely'
import type { Database } from './schema'

/** A probe's answer is reused this long: a load balancer polling every second costs one write per instance per few seconds. */
export const PROBE_SECONDS = 3

/**
 * Whether the database takes a write now: a real write (the city's row set
 * to itself), since reads can work while writes fail (a read-only or full
 * disk, a PostgreSQL that is shutting down). Concurrent callers share one
 * probe, and its answer is kept for PROBE_SECONDS.
 */
export function writeProbe(db: Kysely<Database>, citySlug: string, seconds = PROBE_SECONDS) {
  let last: { at: number, answer: Promise<boolean> } | undefined
  return (now = Date.now()): Promise<boolean> => {
    if (last && now - last.at < seconds * 1000) return last.answer
    const answer = db.updateTable('cities').set(eb => ({ slug: eb.ref('slug') })).where('slug', '=', citySlug).execute()
      .then(() => true, () => false)
    last = { at: now, answer }
    return answer
  }
}
