// test-clock: the timestamps below are rows written and read back, not compared with today.
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { preparedQuery } from '~~/server/database/prepared'
import type { Database } from '~~/server/database/schema'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { insertEvent, prepare } from '~~/tests/support/events'
import type { EventStatus } from '#shared/events/vocabulary'

describe.each(dialects)('preparedQuery on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => t?.close())

  it('builds once, then answers each run with its own parameters, as the built query would', async () => {
    const a = await insertEvent(t.db, { capacity: 7 })
    const b = await insertEvent(t.db, { capacity: 9, status: 'draft' })
    let builds = 0
    const byIdAndStatus = preparedQuery((db: Kysely<Database>, p: { id: string, status: EventStatus }) => {
      builds++
      return db.selectFrom('events').select(['id', 'capacity']).where('id', '=', p.id).where('status', '=', p.status).where('capacity', '>', 0)
    })
    const run = async (id: string, status: EventStatus) => (await byIdAndStatus(t.db, { id, status })).rows
    expect(await run(a.id, 'published')).toEqual([{ id: a.id, capacity: 7 }])
    expect(await run(b.id, 'draft')).toEqual([{ id: b.id, capacity: 9 }])
    expect(await run(b.id, 'published')).toEqual([])
    // The constant in the query (capacity > 0) stays a constant.
    await t.db.updateTable('events').set({ capacity: 0 }).where('id', '=', a.id).execute()
    expect(await run(a.id, 'published')).toEqual([])
    expect(builds).toBe(1)
  })

  it('writes the parameters of an insert where they belong, with its constants', async () => {
    const addOrganisation = preparedQuery((db: Kysely<Database>, p: { id: string, code: string, name: string, role: string | null, now: string }) =>
      db.insertInto('organisations').values({
        id: p.id, city_slug: 'tianjin', code: p.code, kind: 'venue', name_zh: p.name, name_en: p.name, role: p.role, source: 'user', created_at: p.now, updated_at: p.now,
      }))
    const stamp = Date.now().toString(36)
    await addOrganisation(t.db, { id: `o1-${stamp}`, code: `c1-${stamp}`, name: '图书馆', role: null, now: '2026-01-01T00:00:00.000Z' })
    await addOrganisation(t.db, { id: `o2-${stamp}`, code: `c2-${stamp}`, name: '体验中心', role: '承办', now: '2026-02-01T00:00:00.000Z' })
    const rows = await t.db.selectFrom('organisations').select(['id', 'code', 'kind', 'name_zh', 'role', 'source', 'updated_at'])
      .where('id', 'in', [`o1-${stamp}`, `o2-${stamp}`]).orderBy('id').execute()
    expect(rows).toEqual([
      { id: `o1-${stamp}`, code: `c1-${stamp}`, kind: 'venue', name_zh: '图书馆', role: null, source: 'user', updated_at: '2026-01-01T00:00:00.000Z' },
      { id: `o2-${stamp}`, code: `c2-${stamp}`, kind: 'venue', name_zh: '体验中心', role: '承办', source: 'user', updated_at: '2026-02-01T00:00:00.000Z' },
    ])
  })

  it('refuses a parameter spliced into the SQL text, and a missing one', async () => {
    const spliced = preparedQuery((db: Kysely<Database>, p: { id: string }) => db.selectFrom('events').select('id').where(sql.lit(p.id), '=', 'x'))
    await expect(spliced(t.db, { id: 'x' })).rejects.toThrow(/written into the SQL text/)
    const byId = preparedQuery((db: Kysely<Database>, p: { id: string }) => db.selectFrom('events').select('id').where('id', '=', p.id))
    await expect(byId(t.db, {} as { id: string })).rejects.toThrow(/"id" is missing/)
  })
})
