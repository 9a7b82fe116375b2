import type { Kysely } from 'kysely'
import type { Database } from '~~/server/database/schema'
import { portalConfig } from '~~/server/utils/config'

const DAY_MS = 24 * 60 * 60 * 1000

/** The instant (ISO, UTC) from which a row collected for an event must be purged. */
export function purgeAfter(eventEndsAtIso: string, days = portalConfig().retentionDays): string {
  const endsAt = Date.parse(eventEndsAtIso)
  if (Number.isNaN(endsAt)) throw new RangeError(`Not a date: ${eventEndsAtIso}`)
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Not a number of days: ${days}`)
  return new Date(endsAt + days * DAY_MS).toISOString()
}

export interface Purger {
  name: string
  /** Deletes or anonymises the feature's rows with `purge_after <= nowIso`, keeping anonymous counts; returns how many rows. */
  purge: (db: Kysely<Database>, nowIso: string) => Promise<number>
}

export interface PersonalDataSource {
  name: string
  /** The rows about the resident with this phone number's lookupHash, as the resident may see them. */
  find: (db: Kysely<Database>, phoneHash: string) => Promise<Record<string, unknown>[]>
  /** Deletes or anonymises those rows; returns how many. */
  erase: (db: Kysely<Database>, phoneHash: string) => Promise<number>
}

/** Thrown when some steps failed; the others have run, and their results are in `results`. */
export class PersonalDataError<T> extends AggregateError {
  constructor(readonly failed: string[], errors: unknown[], readonly results: Record<string, T>) {
    super(errors, `Personal data step failed for: ${failed.join(', ')}`)
    this.name = 'PersonalDataError'
  }
}

const purgers: Purger[] = []
const sources: PersonalDataSource[] = []

// Two features under one name would hide each other's results, so a name is taken once.
function register<T extends { name: string }>(list: T[], kind: string, entry: T): T {
  if (list.some(e => e.name === entry.name)) throw new Error(`${kind} "${entry.name}" is already defined`)
  list.push(entry)
  return entry
}

export const definePurger = (purger: Purger): Purger => register(purgers, 'Purger', purger)
export const definePersonalDataSource = (source: PersonalDataSource): PersonalDataSource => register(sources, 'Personal data source', source)

/** Runs every step in turn; a failure does not stop the rest, and is thrown once all have run. */
async function runEach<E extends { name: string }, T>(list: readonly E[], step: (entry: E) => Promise<T>): Promise<Record<string, T>> {
  const results: Record<string, T> = {}
  const failed: string[] = []
  const errors: unknown[] = []
  for (const entry of list) {
    try {
      results[entry.name] = await step(entry)
    }
    catch (error) {
      failed.push(entry.name)
      errors.push(error)
    }
  }
  if (failed.length) throw new PersonalDataError(failed, errors, results)
  return results
}

/** Purges what every registered feature keeps past its retention period; counts by purger. */
export function runPurge(db: Kysely<Database>, now = new Date(), list: readonly Purger[] = purgers): Promise<Record<string, number>> {
  const nowIso = now.toISOString()
  return runEach(list, p => p.purge(db, nowIso))
}

/** Everything the portal holds about one resident, by source. */
export function exportPersonalData(db: Kysely<Database>, phoneHash: string, list: readonly PersonalDataSource[] = sources): Promise<Record<string, Record<string, unknown>[]>> {
  return runEach(list, s => s.find(db, phoneHash))
}

export function erasePersonalData(db: Kysely<Database>, phoneHash: string, list: readonly PersonalDataSource[] = sources): Promise<Record<string, number>> {
  return runEach(list, s => s.erase(db, phoneHash))
}
