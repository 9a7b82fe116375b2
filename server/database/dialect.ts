import { PostgresAdapter } from 'kysely'
import type { DialectName } from './client'

/** For the few places (triggers, locking) where the two dialects must differ. */
export function dialectOf(db: { getExecutor(): { readonly adapter: unknown } }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
