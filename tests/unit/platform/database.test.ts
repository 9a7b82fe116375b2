import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest, currentMigration } from '~~/server/database/migrate'
import { migrations } from '~~/server/database/migrations'
import { newId } from '~~/server/database/ids'
import { seedCity } from '~~/server/database/seed'
import { parseCityProfile } from '~~/server/city/profile'
import { dialects, type TestDatabase } from '~~/tests/support/databases'

const tianjin = parseCityProfile('seeds/tianjin.json', readFileSync(join(import.meta.dirname, '../../../seeds/tianjin.json'), 'utf8'))
const huludao = parseCityProfile('seeds/huludao.json', readFileSync(join(import.meta.dirname, '../../../seeds/huludao.json'), 'utf8'))
const latest = Object.keys(migrations).sort().at(-1)

describe.each(dialects)('data layer on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
  })
  afterAll(async () => {
    await t?.close()
  })

  it('migrates an empty database to the latest migration, and again without change', async () => {
    expect(await currentMigration(t.db)).toBeNull()
    expect(await migrateToLatest(t.db)).toBe(latest)
    expect(await migrateToLatest(t.db)).toBe(latest)
  })

  it('seeds a city profile completely', async () => {
    await seedCity(t.db, tianjin)
    const districts = await t.db.selectFrom('districts').selectAll().where('city_slug', '=', 'tianjin').orderBy('sort_order').execute()
    expect(districts.map(d => d.code)).toEqual(tianjin.districts.map(d => d.code))
    const venues = await t.db.selectFrom('venues').selectAll().where('city_slug', '=', 'tianjin').execute()
    expect(venues).toHaveLength(tianjin.venues.length)
    const first = tianjin.venues[0]!
    const row = venues.find(v => v.code === first.code)!
    expect(row).toMatchObject({ name_zh: first.name.zh, district_code: first.district, step_free: first.access.stepFree ? 1 : 0, source: 'seed' })
    expect(row.organisation_id).toBeTruthy()
    const departments = await t.db.selectFrom('organisations').select('code').where('kind', '=', 'department').where('city_slug', '=', 'tianjin').execute()
    expect(departments).toHaveLength(tianjin.organisers.length)
  })

  it('is idempotent and never overwrites what people changed', async () => {
    const venue = tianjin.venues[0]!
    await t.db.updateTable('venues').set({ name_zh: '人工修改的名称', source: 'user' }).where('code', '=', venue.code).execute()
    await t.db.deleteFrom('venues').where('code', '=', tianjin.venues[1]!.code).execute()
    const before = await t.db.selectFrom('venues').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()

    await Promise.all([seedCity(t.db, tianjin), seedCity(t.db, tianjin)])

    const edited = await t.db.selectFrom('venues').select(['name_zh', 'source']).where('code', '=', venue.code).executeTakeFirstOrThrow()
    expect(edited).toEqual({ name_zh: '人工修改的名称', source: 'user' })
    const after = await t.db.selectFrom('venues').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    // The deleted seed venue comes back (seed data is restored), nothing is duplicated.
    expect(Number(after.n)).toBe(Number(before.n) + 1)
    const codes = await t.db.selectFrom('venues').select('code').where('city_slug', '=', 'tianjin').execute()
    expect(new Set(codes.map(c => c.code)).size).toBe(codes.length)
  })

  it('keeps two cities apart in one database', async () => {
    await seedCity(t.db, huludao)
    const count = async (city: string) => Number((await t.db.selectFrom('venues').select(eb => eb.fn.countAll<number>().as('n')).where('city_slug', '=', city).executeTakeFirstOrThrow()).n)
    expect(await count('huludao')).toBe(huludao.venues.length)
    expect(await count('tianjin')).toBe(tianjin.venues.length)
  })

  it('enforces unique codes per city and foreign keys', async () => {
    const now = new Date().toISOString()
    const dup = { id: 'dup-1', city_slug: 'tianjin', code: tianjin.districts[0]!.code, name_zh: 'x', name_en: 'x', kind: 'district', sort_order: 0, source: 'user' as const, created_at: now }
    await expect(t.db.insertInto('districts').values(dup).execute()).rejects.toThrow()
    await expect(t.db.insertInto('districts').values({ ...dup, id: 'fk-1', city_slug: 'atlantis', code: 'x' }).execute()).rejects.toThrow()
  })

  it('keeps the audit log append-only in the database itself', async () => {
    const entry = { id: `audit-${Date.now()}`, at: new Date().toISOString(), actor_id: null, actor_email: 'a@b.cn', actor_role: 'admin', organisation_id: null, action: 'test.append', target_type: null, target_id: null, reason: null, details: null, ip: null }
    await t.db.insertInto('audit_log').values(entry).execute()
    await expect(t.db.updateTable('audit_log').set({ action: 'test.rewritten' }).where('id', '=', entry.id).execute()).rejects.toThrow(/append-only/)
    await expect(t.db.deleteFrom('audit_log').where('id', '=', entry.id).execute()).rejects.toThrow(/append-only/)
    const row = await t.db.selectFrom('audit_log').select('action').where('id', '=', entry.id).executeTakeFirstOrThrow()
    expect(row.action).toBe('test.append')
  })

  it('migrates concurrently from a second instance without harm', async () => {
    if (!t.openAnother) return
    const other = t.openAnother()
    try {
      const results = await Promise.all([migrateToLatest(t.db), migrateToLatest(other)])
      expect(results).toEqual([latest, latest])
    }
    finally {
      await other.destroy()
    }
  })
})

describe('row ids', () => {
  it('are UUIDv7: valid, unique, and ordered by creation time across milliseconds', async () => {
    const first = Array.from({ length: 1000 }, () => newId())
    await new Promise(resolve => setTimeout(resolve, 3))
    const later = newId()
    expect(first.every(id => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true)
    expect(new Set(first).size).toBe(1000)
    expect(first.every(id => id < later)).toBe(true)
    expect(Number.parseInt(later.replace('-', '').slice(0, 12), 16)).toBeGreaterThanOrEqual(Date.now() - 1000)
  })
})
