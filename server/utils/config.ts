import { join } from 'node:path'

export const DEMO_PASSWORD_DEFAULT = 'demo-password-2026'
export const RETENTION_DAYS_DEFAULT = 30
export const PAGE_CACHE_SECONDS_DEFAULT = 10

type Env = Record<string, string | undefined>

/** Days personal information is kept after its event ends: 1–3650, else the default. */
export function retentionDays(raw: string | undefined): number {
  const value = raw?.trim() ?? ''
  const days = /^\d{1,4}$/.test(value) ? Number(value) : 0
  return days >= 1 && days <= 3650 ? days : RETENTION_DAYS_DEFAULT
}

/** Seconds a rendered public page is served again: 0–3600, else the default. */
export function pageCacheSeconds(raw: string | undefined): number {
  if (raw === undefined || raw === '') return PAGE_CACHE_SECONDS_DEFAULT
  const seconds = Number(raw)
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= 3600 ? seconds : PAGE_CACHE_SECONDS_DEFAULT
}

/** Seconds a staff session lasts (in all, or unused): a whole number from 1 to 30 days, else the default. */
export function sessionSeconds(raw: string | undefined, fallback: number): number {
  const seconds = Number(raw)
  return raw && Number.isInteger(seconds) && seconds >= 1 && seconds <= 30 * 86_400 ? seconds : fallback
}

/** Demo accounts belong to the embedded default; on PostgreSQL in production only when PORTAL_DEMO=1 asks for them. */
export function demoAccountsWanted(env: Env): boolean {
  if (env.PORTAL_DEMO === '0') return false
  if (env.PORTAL_DEMO === '1') return true
  return !env.DATABASE_URL || env.NODE_ENV !== 'production'
}

/**
 * Hosts (`name` for any port, or `name:port`), lowercased: PORTAL_ALLOWED_HOSTS, comma-separated,
 * else this machine's loopback names and the address the server listens on.
 */
export function allowedHosts(raw: string | undefined, listenHost: string | undefined): string[] {
  const listed = (raw ?? '').split(',').map(h => h.trim().toLowerCase()).filter(Boolean)
  if (listed.length) return listed
  const own = listenHost?.trim().toLowerCase()
  return ['localhost', '127.0.0.1', '[::1]', ...(own && own !== '0.0.0.0' && own !== '::' ? [own] : [])]
}

/**
 * Every environment variable the server reads, in one place (documented in
 * README and .env.example). Tests pass their own environment.
 */
export function portalConfig(env: Env = process.env) {
  const dataDir = env.PORTAL_DATA_DIR || join(process.cwd(), '.data')
  return {
    city: (env.CITY || 'tianjin').trim().toLowerCase(),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    sqliteFile: join(dataDir, 'portal.sqlite'),
    seedsDir: env.PORTAL_SEEDS_DIR || join(process.cwd(), 'seeds'),
    port: Number(env.PORT || env.NITRO_PORT || 3000),
    /** Behind a reverse proxy: believe X-Forwarded-For/-Proto. */
    trustProxy: env.PORTAL_TRUST_PROXY === '1',
    /** The public origin (https://portal.example.gov.cn) when it differs from the Host header. */
    publicOrigin: env.PORTAL_PUBLIC_ORIGIN || undefined,
    /** Without a public origin, the Host headers absolute URLs may be built from. */
    allowedHosts: allowedHosts(env.PORTAL_ALLOWED_HOSTS, env.HOST),
    sessionPassword: env.NUXT_SESSION_PASSWORD || undefined,
    dataKey: env.PORTAL_DATA_KEY || undefined,
    demoAccounts: demoAccountsWanted(env),
    demoPassword: env.PORTAL_DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT,
    retentionDays: retentionDays(env.PORTAL_RETENTION_DAYS),
    notifyProvider: env.PORTAL_NOTIFY_PROVIDER || 'record',
    /** The SMS gateway (or its adapter) when the provider is `webhook`; the secret signs each body. */
    notifyWebhookUrl: env.PORTAL_NOTIFY_WEBHOOK_URL || undefined,
    notifyWebhookSecret: env.PORTAL_NOTIFY_WEBHOOK_SECRET || undefined,
    /** How long one POST to the gateway may take before it counts as a failed try (1–60 s, default 10). */
    notifyTimeoutSeconds: Math.min(60, Math.max(1, Number(env.PORTAL_NOTIFY_TIMEOUT_SECONDS) || 10)),
    /** JSON `{ kind: template code }` of the city's approved SMS templates. */
    notifyTemplates: env.PORTAL_NOTIFY_TEMPLATES || undefined,
    /** Multiplies residents' per-address limits (village stations where many share one address). */
    rateScale: Number(env.PORTAL_RATE_SCALE) || 1,
    pageCacheSeconds: pageCacheSeconds(env.PORTAL_PAGE_CACHE_SECONDS),
    /** Share rate limits between instances: the storage mount `ratelimit` goes to this Redis. */
    redisUrl: env.PORTAL_REDIS_URL || undefined,
    /** Starts every key the portal writes to Redis, so several portals (or test runs) can share one server. */
    redisPrefix: env.PORTAL_REDIS_PREFIX || 'portal',
    /** A staff session ends this long after sign-in, or after this long unused. */
    sessionMaxAgeSeconds: sessionSeconds(env.PORTAL_SESSION_MAX_AGE_SECONDS, 12 * 3600),
    sessionIdleSeconds: sessionSeconds(env.PORTAL_SESSION_IDLE_SECONDS, 2 * 3600),
    /** The least level logged (utils/log.ts): debug, info (default), warn, error or silent. */
    logLevel: ['debug', 'info', 'warn', 'error', 'silent'].includes(env.PORTAL_LOG_LEVEL ?? '') ? env.PORTAL_LOG_LEVEL! : 'info',
  }
}

export type PortalConfig = ReturnType<typeof portalConfig>

/** nuxt-auth-utils reads the session password from the environment: the generated one is handed over there. */
export function provideSessionPassword(password: string) {
  process.env.NUXT_SESSION_PASSWORD = password
}

/** The address links in messages point to: PORTAL_PUBLIC_ORIGIN, else this server on localhost. */
export function publicOrigin(config = portalConfig()): string {
  return config.publicOrigin ?? `http://localhost:${config.port}`
}

/** A Host header (`name` or `name:port`) that absolute URLs may be built from. */
export function isAllowedHost(host: string, config: Pick<PortalConfig, 'allowedHosts'> = portalConfig()): boolean {
  const value = host.trim().toLowerCase()
  const name = value.replace(/:\d+$/, '')
  return config.allowedHosts.some(allowed => allowed === value || allowed === name)
}

/** HSTS only makes sense, and is only safe to send, when the portal's public address is https. */
export function sendsHsts(config: Pick<PortalConfig, 'publicOrigin'> = portalConfig()): boolean {
  return /^https:\/\//i.test(config.publicOrigin ?? '')
}
