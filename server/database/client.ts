import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'
import { openNodeSqlite } from './sqlite-node'
import { databaseOutage } from './outage'

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

class TimedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({ ...(typeof config === 'string' ? { connectionString: config } : config), connectionTimeoutMillis: 5000 })
  }
}

export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      options: options.pgSchema ? `-c search_path=${options.pgSchema}` : undefined,
      // Opening a connection gives up after 5 s (a database host that does not answer) and the request gets a 503.
      // Not the pool's own connectionTimeoutMillis: that also bounds the wait for a free connection, and a burst
      // of bookings queueing behind ten connections is load to serve, not an outage.
      Client: TimedClient,
    })
    // A connection the server dropped (a restart) emits 'error': on the pool while idle, on the client itself while
    // checked out (pg-pool then stops listening). Unhandled, either reaches Node as an uncaught exception.
    pool.on('error', error => databaseOutage.failed(error))
    pool.on('connect', (client) => {
      client.on('error', error => databaseOutage.failed(error))
      databaseOutage.recovered()
    })
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' }
  }
  const file = resolve(options.sqliteFile ?? '.data/portal.sqlite')
  try {
    mkdirSync(dirname(file), { recursive: true })
    return { db: fromDialect(new SqliteDialect({ database: openNodeSqlite(file) })), dialect: 'sqlite' }
  }
  catch (error) {
    // SQLite's own words ("unable to open database file") name neither the file nor what to do.
    throw new Error(`Cannot open the SQLite database ${file}: ${(error as Error).message}.\n`
      + `The folder must exist (or be creatable) and be writable by the user the portal runs as. `
      + `Set PORTAL_DATA_DIR to such a folder (the database is PORTAL_DATA_DIR/portal.sqlite), or DATABASE_URL to use PostgreSQL.`, { cause: error })
  }
}

export function fromDialect(dialect: Dialect): Kysely<Database> {
  return new Kysely<Database>({ dialect })
}
