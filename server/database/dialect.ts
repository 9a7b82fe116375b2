import { PostgresAdapter, type Kysely } from 'kysely'
import type { DialectName } from './client'

/** For the few places (triggers, locking) where the two dialects must differ. */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
