import { join } from 'node:path'

/** Every environment variable the server reads, in one place (documented in README and .env.example). */
export function portalConfig() {
  const dataDir = process.env.PORTAL_DATA_DIR || join(process.cwd(), '.data')
  return {
    city: (process.env.CITY || 'tianjin').trim().toLowerCase(),
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir,
    sqliteFile: join(dataDir, 'portal.sqlite'),
  }
}
