import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteDialect, sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromDialect } from '~~/server/database/client'
import type { Database } from '~~/server/database/schema'
import { openNodeSqlite } from '~~/server/database/sqlite-node'
import { writeTransaction } from '~~/server/database/write-transaction'
import { dialects, type TestDatabase } from '~~/tests/support/databases'

const rows = async (db: Kysely<Database>, table: string) =>
  (await sql<{ id: string }>`select id from ${sql.table(table)} order by id`.execute(db)).rows.map(r => r.id)
const insert = (db: Kysely<Database>, table: string, id: string, parent: string | null = null) =>
  sql`insert into ${sql.table(table)} (id, parent) values (${id}, ${parent})`.execute(db)
const createTable = (db: Kysely<Database>, table: string) =>
  sql`create table ${sql.table(table)} (id text primary key, parent text references ${sql.table(table)} (id))`.execute(db)

describe.each(dialects)('writeTransaction on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
  })
  afterAll(async () => t?.close())

  it('keeps nothing of a work that throws, and everything of the works beside it', async () => {
    await createTable(t.db, 'wt_a')
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => writeTransaction(t.db, async (trx) => {
      await insert(trx, 'wt_a', `k${String(i).padStart(2, '0')}`)
      await insert(trx, 'wt_a', `k${String(i).padStart(2, '0')}-second`)
      if (i % 5 === 3) throw new Error(`work ${i} refused`)
      return i
    })))
    expect(results.filter(r => r.status === 'rejected').map(r => String((r as PromiseRejectedResult).reason.message)))
      .toEqual(['work 3 refused', 'work 8 refused', 'work 13 refused', 'work 18 refused'])
    expect(results.filter(r => r.status === 'fulfilled').map(r => (r as PromiseFulfilledResult<number>).value)).toHaveLength(16)
    const stored = await rows(t.db, 'wt_a')
    expect(stored).toHaveLength(32)
    expect(stored.some(id => /^k(03|08|13|18)/.test(id))).toBe(false)
  })

  it('answers only once the work is committed: another connection already sees it', async () => {
    await createTable(t.db, 'wt_b')
    const other = t.openAnother?.()
    if (!other) return expect(t.label).toBe('postgres (PGlite)')
    try {
      const seen = await Promise.all(Array.from({ length: 10 }, (_, i) =>
        writeTransaction(t.db, trx => insert(trx, 'wt_b', `r${i}`)).then(() => rows(other, 'wt_b').then(ids => ids.includes(`r${i}`)))))
      expect(seen).toEqual(Array.from({ length: 10 }, () => true))
    }
    finally {
      await other.destroy()
    }
  })
})

describe('group commit on the embedded SQLite', () => {
  let db: Kysely<Database>
  let file: string
  let commits = 0
  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'portal-wt-')), 'test.sqlite')
    const inner = openNodeSqlite(file)
    db = fromDialect(new SqliteDialect({
      database: {
        ...inner,
        close: () => inner.close(),
        prepare(text: string) {
          const statement = inner.prepare(text)
          if (/^commit$/i.test(text.trim())) return { ...statement, run: (p: ReadonlyArray<unknown>) => (commits++, statement.run(p)) }
          return statement
        },
      },
    }))
    await createTable(db, 'wt_c')
  })
  afterAll(async () => db?.destroy())

  it('commits works that arrive together once, where one by one they would commit each time', async () => {
    commits = 0
    await Promise.all(Array.from({ length: 50 }, (_, i) => writeTransaction(db, trx => insert(trx, 'wt_c', `together-${i}`))))
    expect(commits).toBe(1)
    // Control: awaited one after another, nothing arrives together.
    commits = 0
    for (let i = 0; i < 5; i++) await writeTransaction(db, trx => insert(trx, 'wt_c', `alone-${i}`))
    expect(commits).toBe(5)
  })

  it('when the commit itself fails, runs the works again one by one: only the one at fault fails', async () => {
    commits = 0
    const batch = Array.from({ length: 6 }, (_, i) => writeTransaction(db, async (trx) => {
      // A foreign key checked only at commit: the dangling reference makes the whole commit fail.
      if (i === 2) await sql`pragma defer_foreign_keys = on`.execute(trx)
      await insert(trx, 'wt_c', `retried-${i}`, i === 2 ? 'nobody' : null)
    }))
    const results = await Promise.allSettled(batch)
    expect(results.map(r => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled'])
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/i)
    expect((await rows(db, 'wt_c')).filter(id => id.startsWith('retried-'))).toEqual(['retried-0', 'retried-1', 'retried-3', 'retried-4', 'retried-5'])
    // The failed batch, then one commit per work.
    expect(commits).toBe(1 + 6)
  })

  it('refuses a write transaction inside a work instead of waiting for ever', async () => {
    const outer = writeTransaction(db, async (trx) => {
      await insert(trx, 'wt_c', 'outer')
      return writeTransaction(db, inner => insert(inner, 'wt_c', 'nested'))
    })
    await expect(outer).rejects.toThrow(/inside a write transaction/)
    expect(await rows(db, 'wt_c')).not.toContain('outer')
    await writeTransaction(db, trx => insert(trx, 'wt_c', 'still-works'))
    expect(await rows(db, 'wt_c')).toContain('still-works')
  })

  it('holds the write lock from the start, so another process waits instead of leaving the batch a stale snapshot', async () => {
    const other = fromDialect(new SqliteDialect({ database: openNodeSqlite(file) }))
    try {
      await sql`pragma busy_timeout = 50`.execute(other)
      const attempt = await writeTransaction(db, async (trx) => {
        await rows(trx, 'wt_c')
        // Under a plain BEGIN this write would get in, and the batch's own write would then fail.
        const outcome = await insert(other, 'wt_c', 'from-elsewhere').then(() => 'written', (error: Error) => error.message)
        await insert(trx, 'wt_c', 'from-batch')
        return outcome
      })
      expect(attempt).toMatch(/locked|busy/i)
      expect(await rows(db, 'wt_c')).toContain('from-batch')
    }
    finally {
      await other.destroy()
    }
  })
})
