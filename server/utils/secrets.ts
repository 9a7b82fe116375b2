import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { portalConfig, provideSessionPassword } from './config'

/**
 * NUXT_SESSION_PASSWORD seals the session cookies. It is required when the
 * portal runs on a shared PostgreSQL server; for the embedded default it is
 * generated once into the data folder (mode 0600) and reused.
 * Synchronous on purpose: it must be in place before the first request.
 */
export function ensureSessionPassword(config = portalConfig()): void {
  const current = config.sessionPassword
  if (current) {
    if (current.length < 32) throw new Error('NUXT_SESSION_PASSWORD must be at least 32 characters long')
    return
  }
  if (config.databaseUrl) {
    throw new Error('NUXT_SESSION_PASSWORD is required when DATABASE_URL is set (at least 32 random characters, the same on every instance)')
  }
  const file = join(config.dataDir, 'session-password')
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' })
  }
  provideSessionPassword(readFileSync(file, 'utf8').trim())
}
