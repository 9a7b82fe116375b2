import type { Kysely, UpdateObject } from 'kysely'
import type { Database } from '~~/server/database/schema'

export interface Outcome {
  id: string
  claimant: string | null
  values: UpdateObject<Database, 'notifications'>
}

/**
 * Outcomes this process decided but could not write because the database
 * stopped answering: a text the gateway accepted, a try that failed, a claim
 * to hand back. They stay here, per database handle, and are written first
 * when it answers again, so an accepted text is not sent twice and a live
 * sender's claims do not wait five minutes for their lease to lapse. Only a
 * process that died leaves claims to the lease.
 */
const unwritten = new WeakMap<Kysely<Database>, Map<string, Outcome>>()

const backlogOf = (db: Kysely<Database>) => {
  let backlog = unwritten.get(db)
  if (!backlog) unwritten.set(db, backlog = new Map())
  return backlog
}

/** Records one row's outcome and clears its claim; only while `claimant` still holds it, when given. */
function write(db: Kysely<Database>, { id, claimant, values }: Outcome) {
  const q = db.updateTable('notifications').set({ ...values, claimed_by: null, claimed_until: null }).where('id', '=', id)
  return (claimant ? q.where('claimed_by', '=', claimant) : q).execute()
}

/** Writes the outcomes; the first that fails, and every one after it, is kept for the next try, and the error is thrown. */
export async function settle(db: Kysely<Database>, outcomes: Outcome[]) {
  const backlog = backlogOf(db)
  for (const o of outcomes) backlog.set(o.id, o)
  for (const o of outcomes) {
    await write(db, o)
    backlog.delete(o.id)
  }
}

/** Writes what an earlier run could not, oldest first; throws (keeping the rest) while the database is still away. */
export async function settleBacklog(db: Kysely<Database>) {
  const backlog = backlogOf(db)
  for (const o of [...backlog.values()]) {
    await write(db, o)
    backlog.delete(o.id)
  }
}

export const backlogSize = (db: Kysely<Database>) => unwritten.get(db)?.size ?? 0
