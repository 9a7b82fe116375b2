import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'
import { createDatabase } from '~~/server/database/client'
import { latestMigration } from '~~/tests/support/migrations'
import { root, runServerUntilStopped, startServer } from '~~/tests/support/server'

describe('start-up', () => {
  it('serves Huludao when CITY=huludao', async () => {
    const server = await startServer({ CITY: 'huludao' })
    try {
      const city = await (await fetch(`${server.url}/api/city`)).json()
      expect(city.slug).toBe('huludao')
      expect(await (await fetch(`${server.url}/`)).text()).toContain('葫芦岛市')
      // Huludao has counties and a county-level city: its pickers ask for the 区县, not the 区.
      const course = await (await fetch(`${server.url}/courses/pay-by-phone-safely`, { headers: { cookie: 'lang=zh-CN' } })).text()
      expect(course).toContain('您住在哪个区县')
      const tianjin = await (await fetch(new URL('/courses/pay-by-phone-safely', inject('baseURL')), { headers: { cookie: 'lang=zh-CN' } })).text()
      expect(tianjin).toMatch(/您住在哪个区\s*</)
    }
    finally {
      await server.stop()
    }
  })

  it('stops with a message naming the file, the entry and the field of a bad city profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'))
    cpSync(join(root, 'seeds'), dir, { recursive: true })
    const city = JSON.parse(readFileSync(join(dir, 'huludao.json'), 'utf8'))
    city.venues[1].access.stepFree = 'yes'
    writeFileSync(join(dir, 'huludao.json'), JSON.stringify(city))
    const { code, output } = await runServerUntilStopped({ PORTAL_SEEDS_DIR: dir })
    expect(code).not.toBe(0)
    expect(output).toContain('huludao.json')
    expect(output).toContain(`venues[1] (${city.venues[1].code}), field "access.stepFree"`)
  })

  it('stops naming the data folder it cannot write, the variable and what to do', async () => {
    const notAFolder = join(mkdtempSync(join(tmpdir(), 'portal-data-')), 'a-file')
    writeFileSync(notAFolder, '')
    const { code, output } = await runServerUntilStopped({ PORTAL_DATA_DIR: join(notAFolder, 'data') })
    expect(code).not.toBe(0)
    expect(output).toContain(`PORTAL_DATA_DIR (now ${join(notAFolder, 'data')})`)
    expect(output).toMatch(/Set PORTAL_DATA_DIR to a folder the portal's user may write/)
  })

  it('stops naming the SQLite file it cannot open, instead of SQLite\'s bare "unable to open database file"', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-data-'))
    // A folder where the database file should be: the secrets can be written, the database cannot be opened.
    mkdirSync(join(dataDir, 'portal.sqlite'))
    const { code, output } = await runServerUntilStopped({ PORTAL_DATA_DIR: dataDir })
    expect(code).not.toBe(0)
    expect(output).toContain(`Cannot open the SQLite database ${join(dataDir, 'portal.sqlite')}`)
    expect(output).toContain('Set PORTAL_DATA_DIR to such a folder')
  })

  it('stops with a clear message for an unknown city', async () => {
    const { code, output } = await runServerUntilStopped({ CITY: 'atlantis' })
    expect(code).not.toBe(0)
    expect(output).toMatch(/CITY must be one of: huludao, tianjin/)
  })

  it('keeps data across restarts and leaves edits alone when seeding again', async () => {
    const first = await startServer()
    const venues = await (await fetch(`${first.url}/api/venues?pageSize=1`)).json()
    await first.stop()

    const code = venues.items[0].code
    const { db } = createDatabase({ sqliteFile: join(first.dataDir, 'portal.sqlite') })
    await db.updateTable('venues').set({ name_zh: '本地修改过的体验点', source: 'user' }).where('code', '=', code).execute()
    await db.destroy()

    const second = await startServer({ PORTAL_DATA_DIR: first.dataDir })
    try {
      const again = await (await fetch(`${second.url}/api/venues?pageSize=1`)).json()
      expect(again.items[0]).toMatchObject({ code, name: { zh: '本地修改过的体验点' } })
      expect(again.total).toBe(venues.total)
    }
    finally {
      await second.stop()
    }
  })

  it('runs on PostgreSQL when DATABASE_URL is set', async (ctx) => {
    const url = process.env.TEST_DATABASE_URL
    const client = url ? new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 }) : undefined
    const connected = await client?.connect().then(() => true, () => false)
    if (!client || !connected) return ctx.skip('no PostgreSQL server at TEST_DATABASE_URL')
    const schema = `app_${Date.now().toString(36)}`
    await client.query(`create schema ${schema}`)
    const withSchema = new URL(url!)
    withSchema.searchParams.set('options', `-c search_path=${schema}`)
    const server = await startServer({ DATABASE_URL: withSchema.toString(), NUXT_SESSION_PASSWORD: 'x'.repeat(40), PORTAL_DATA_KEY: Buffer.alloc(32, 7).toString('base64') })
    try {
      expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true, db: 'postgres', migration: latestMigration, checks: { database: 'ready', redis: 'not-used' } })
      const { rows } = await client.query(`select count(*)::int as n from ${schema}.venues`)
      expect(rows[0].n).toBeGreaterThan(10)
      // Production on PostgreSQL: no demo accounts unless PORTAL_DEMO=1.
      const users = await client.query(`select count(*)::int as n from ${schema}.users`)
      expect(users.rows[0].n).toBe(0)
    }
    finally {
      await server.stop()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    }
  })
})
