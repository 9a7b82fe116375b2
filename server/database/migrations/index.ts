import type { Migration } from 'kysely/migration'
import * as m0001 from './0001_platform'
import * as m0002 from './0002_accounts'

/**
 * Migrations are imported statically so that the bundled server carries them.
 * Names sort in the order they apply; append, never rename or edit.
 */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_accounts': m0002,
}
