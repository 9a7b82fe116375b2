import { DatabaseSync } from 'node:sqlite'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

type Param = null | number | bigint | string | Uint8Array

function toParams(parameters: ReadonlyArray<unknown>): Param[] {
  return parameters.map((p) => {
    if (p === undefined) return null
    if (typeof p === 'boolean') return p ? 1 : 0
    return p as Param
  })
}

/**
 * Adapts Node's built-in `node:sqlite` (no native addon) to the interface that
 * Kysely's SqliteDialect expects (the better-sqlite3 shape).
 */
export function openNodeSqlite(file: string): SqliteDatabase {
  const db = new DatabaseSync(file)
  // WAL lets readers run beside the single writer; busy_timeout makes a second
  // process (a migration CLI, a purge task) wait rather than fail.
  db.exec('PRAGMA journal_mode = WAL')
  db.exec('PRAGMA synchronous = NORMAL')
  db.exec('PRAGMA foreign_keys = ON')
  db.exec('PRAGMA busy_timeout = 5000')
  // A bigger page cache and rarer checkpoints: pages that many bookings touch
  // (an event's row, the ends of indexes) are written back once, not per commit.
  db.exec('PRAGMA cache_size = -32000')
  db.exec('PRAGMA temp_store = MEMORY')
  db.exec('PRAGMA wal_autocheckpoint = 10000')
  db.exec('PRAGMA journal_size_limit = 67108864')
  // Kysely sends the same few SQL texts over and over; preparing is the costly
  // part, so prepared statements are kept (the number of distinct texts is small).
  const cache = new Map<string, SqliteStatement>()
  return {
    close: () => db.close(),
    prepare(text: string): SqliteStatement {
      // Kysely begins with a plain BEGIN, which takes the write lock only at the
      // first write; if another process (a CLI, the purge task) writes in between,
      // the transaction fails with SQLITE_BUSY_SNAPSHOT. IMMEDIATE takes the lock
      // at the start and waits for it (busy_timeout) instead.
      const sql = /^begin$/i.test(text) ? 'BEGIN IMMEDIATE' : text
      let statement = cache.get(sql)
      if (!statement) {
        const stmt = db.prepare(sql)
        statement = {
          reader: stmt.columns().length > 0,
          all: parameters => stmt.all(...toParams(parameters)),
          run: parameters => stmt.run(...toParams(parameters)),
          iterate: parameters => stmt.iterate(...toParams(parameters)),
        }
        if (cache.size >= 500) cache.delete(cache.keys().next().value!)
        cache.set(sql, statement)
      }
      return statement
    },
  }
}
