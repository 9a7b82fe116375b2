import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql, type Kysely } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import { createDatabase, fromDialect, type DialectName } from '~~/server/database/client'
import type { Database } from '~~/server/database/schema'

export interface TestDatabase {
  label: string
  dialect: DialectName
  db: Kysely<Database>
  /** Opens a second, independent connection pool to the same database. */
  openAnother?: () => Kysely<Database>
  /** Whether several app instances may share this database (PostgreSQL; the embedded SQLite is one process). */
  multiInstance: boolean
  close: () => Promise<void>
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  }
  catch {
    return false
  }
  finally {
    await client.end().catch(() => {})
  }
}

export async function openSqlite(): Promise<TestDatabase> {
  const file = join(mkdtempSync(join(tmpdir(), 'portal-db-')), 'test.sqlite')
  const { db } = createDatabase({ sqliteFile: file })
  const openAnother = () => createDatabase({ sqliteFile: file }).db
  return { label: 'sqlite', dialect: 'sqlite', db, openAnother, multiInstance: false, close: () => db.destroy() }
}

/**
 * PostgreSQL from TEST_DATABASE_URL, each run in its own schema so parallel
 * runs never meet; PGlite (in-process PostgreSQL) when no server is reachable.
 */
export async function openPostgres(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL
  if (url && await reachable(url)) {
    const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    await admin.end()
    const open = () => createDatabase({ url, pgSchema: schema, poolSize: 10 }).db
    const db = open()
    return {
      label: 'postgres',
      dialect: 'postgres',
      db,
      openAnother: open,
      multiInstance: true,
      close: async () => {
        await sql.raw(`drop schema ${schema} cascade`).execute(db)
        await db.destroy()
      },
    }
  }
  const db = fromDialect(new PGliteDialect(new PGlite()))
  return { label: 'postgres (PGlite)', dialect: 'postgres', db, multiInstance: false, close: () => db.destroy() }
}

export const dialects = [
  { name: 'sqlite', open: openSqlite },
  { name: 'postgres', open: openPostgres },
] as const
