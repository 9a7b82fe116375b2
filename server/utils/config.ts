import { join } from 'node:path'
import { DEMO_PASSWORD_DEFAULT } from '../accounts/demo'

/** Every environment variable the server reads, in one place (documented in README and .env.example). */
export function portalConfig() {
  const dataDir = process.env.PORTAL_DATA_DIR || join(process.cwd(), '.data')
  return {
    city: (process.env.CITY || 'tianjin').trim().toLowerCase(),
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir,
    sqliteFile: join(dataDir, 'portal.sqlite'),
    /** Behind a reverse proxy: believe X-Forwarded-For/-Proto. */
    trustProxy: process.env.PORTAL_TRUST_PROXY === '1',
    /** The public origin (https://portal.example.gov.cn) when it differs from the Host header. */
    publicOrigin: process.env.PORTAL_PUBLIC_ORIGIN || undefined,
    demoPassword: process.env.PORTAL_DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT,
  }
}
