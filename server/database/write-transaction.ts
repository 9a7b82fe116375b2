import { AsyncLocalStorage } from 'node:async_hooks'
import type { Kysely, Transaction } from 'kysely'
import { dialectOf } from './dialect'
import type { Database } from './schema'

export type WriteWork<T> = (trx: Transaction<Database>) => Promise<T>

interface Pending {
  work: WriteWork<unknown>
  resolve: (value: unknown) => void
  reject: (reason: unknown) => void
}

interface Queue {
  pending: Pending[]
  draining: boolean
}

/** Enough to amortise a commit; small enough that a reader waiting for the connection is not held long. */
const MAX_BATCH = 64
const queues = new WeakMap<Kysely<Database>, Queue>()
// Set while a work runs, so that a nested call fails at once instead of waiting for ever on its own batch.
const insideWork = new AsyncLocalStorage<true>()

/**
 * Runs `work` in a write transaction and resolves once it is committed.
 *
 * PostgreSQL: one transaction per call; row locks do the serialising.
 * Embedded SQLite: there is only one writer, so calls that arrive together run
 * one after another inside a single transaction and are committed together
 * (group commit). Each runs under its own savepoint, so one that throws leaves
 * no trace and does not disturb the others. Nobody hears "done" before the
 * commit, so a 201 still means the row is on disk.
 *
 * If the transaction itself fails (a savepoint or the commit), the works are
 * run again one per transaction, so only the one at fault hears the error.
 *
 * `work` must use only `trx`; calling writeTransaction inside it is an error.
 */
export function writeTransaction<T>(db: Kysely<Database>, work: WriteWork<T>): Promise<T> {
  if (insideWork.getStore()) return Promise.reject(new Error('writeTransaction inside a write transaction: use the trx you were given'))
  if (dialectOf(db) === 'postgres') return db.transaction().execute(trx => insideWork.run(true, () => work(trx)))
  let queue = queues.get(db)
  if (!queue) queues.set(db, queue = { pending: [], draining: false })
  const q = queue
  return new Promise<T>((resolve, reject) => {
    q.pending.push({ work, resolve: resolve as (value: unknown) => void, reject })
    if (!q.draining) {
      q.draining = true
      // Wait for this turn of the event loop, so requests that arrived together share a commit.
      setImmediate(() => void drain(db, q))
    }
  })
}

async function drain(db: Kysely<Database>, queue: Queue) {
  while (queue.pending.length) await runBatch(db, queue.pending.splice(0, MAX_BATCH))
  queue.draining = false
}

async function runBatch(db: Kysely<Database>, batch: Pending[]) {
  const outcomes: Array<() => void> = []
  let trx
  try {
    trx = await db.startTransaction().execute()
    for (const item of batch) {
      const inner = await trx.savepoint('work').execute()
      try {
        const value = await insideWork.run(true, () => item.work(inner))
        await inner.releaseSavepoint('work').execute()
        outcomes.push(() => item.resolve(value))
      }
      catch (error) {
        await (await inner.rollbackToSavepoint('work').execute()).releaseSavepoint('work').execute()
        outcomes.push(() => item.reject(error))
      }
    }
    await trx.commit().execute()
  }
  catch (error) {
    // The transaction itself failed: nothing of the batch was stored. Alone, the
    // work hears why; together, each is tried again on its own.
    await trx?.rollback().execute().catch(() => {})
    if (batch.length === 1) batch[0]!.reject(error)
    else for (const item of batch) await runBatch(db, [item])
    return
  }
  for (const settle of outcomes) settle()
}
