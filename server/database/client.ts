import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'
import { openNodeSqlite } from './sqlite-node'

export type DialectName = 'sqlite' | 'postgres'

export interface DatabaseHandle {
  db: Kysely<Database>
  dialect: DialectName
}

export interface DatabaseOptions {
  /** A postgres:// URL; when absent the embedded SQLite file is used. */
  url?: string
  /** The SQLite file, `.data/portal.sqlite` by default. */
  sqliteFile?: string
  /** A PostgreSQL schema to use instead of `public` (tests isolate runs this way). */
  pgSchema?: string
  poolSize?: number
}

// pg returns int8 and numeric as strings; counts in this app fit in a JS number.
pg.types.setTypeParser(20, v => Number.parseInt(v, 10))

export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      options: options.pgSchema ? `-c search_path=${options.pgSchema}` : undefined,
    })
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' }
  }
  const file = options.sqliteFile ?? '.data/portal.sqlite'
  mkdirSync(dirname(file), { recursive: true })
  return { db: fromDialect(new SqliteDialect({ database: openNodeSqlite(file) })), dialect: 'sqlite' }
}

export function fromDialect(dialect: Dialect): Kysely<Database> {
  return new Kysely<Database>({ dialect })
}
