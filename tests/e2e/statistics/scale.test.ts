import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createDatabase } from '~~/server/database/client'

const root = join(import.meta.dirname, '../../..')

describe('the scale seed (npm run bench)', () => {
  it('fills a fresh database at a small size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-scale-'))
    const result = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/seed-scale.ts'), '0.005'], {
      cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', PORTAL_DATA_DIR: dir, CITY: 'tianjin' }, timeout: 120_000,
    })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/5 events, 1000 bookings, 250 quiz attempts/)
    const { db } = createDatabase({ sqliteFile: join(dir, 'portal.sqlite') })
    try {
      const count = async (table: 'events' | 'registrations' | 'quiz_attempts') => Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n)
      expect(await count('events')).toBe(5)
      expect(await count('registrations')).toBe(1000)
      expect(await count('quiz_attempts')).toBe(250)
    }
    finally {
      await db.destroy()
    }
  }, 150_000)
})
