import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, startServer } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts', script), ...args], {
    cwd: root, env: { ...process.env, DATABASE_URL: '', ...env }, encoding: 'utf8', timeout: 60_000,
  })
  return { code: result.status, output: `${result.stdout}${result.stderr}` }
}

describe('command-line tools', () => {
  it('db:migrate and user:create prepare a database that the server then uses', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-cli-'))
    const env = { PORTAL_DATA_DIR: dataDir, PORTAL_ADMIN_PASSWORD: 'a long admin passphrase' }
    expect(run('db-migrate.ts', [], env).output).toMatch(/sqlite: at \d{4}_\w+; city "tianjin" seeded/)

    const created = run('user-create.ts', ['--role', 'admin', '--email', 'Chief@City.gov.cn', '--name', '主任'], env)
    expect(created.code).toBe(0)
    const again = run('user-create.ts', ['--role', 'admin', '--email', 'chief@city.gov.cn'], env)
    expect(again.code).toBe(1)
    expect(again.output).toContain('--email: An account with this e-mail address exists')
    const noOrg = run('user-create.ts', ['--role', 'organizer', '--email', 'x@city.gov.cn'], env)
    expect(noOrg.output).toContain('--organisation:')

    const server = await startServer({ PORTAL_DATA_DIR: dataDir })
    try {
      const user = await new ApiClient(server.url).login('chief@city.gov.cn', 'a long admin passphrase')
      expect(user).toMatchObject({ role: 'admin', displayName: '主任' })
    }
    finally {
      await server.stop()
    }
  })
})
