import { createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { portalConfig } from '~~/server/utils/config'

type KeyConfig = Pick<ReturnType<typeof portalConfig>, 'dataDir' | 'databaseUrl'> & { dataKey?: string }

export interface DataKeys {
  /** AES-256-GCM, for names and phone numbers at rest. */
  encryption: KeyObject
  /** HMAC-SHA-256, for finding a resident's rows by phone number without storing it in clear. */
  lookup: KeyObject
}

const KEY_BYTES = 32
const FORMAT_HINT = `${KEY_BYTES} random bytes as base64 or 64 hex characters (openssl rand -base64 32)`

export function parseDataKey(text: string, source: string): Uint8Array<ArrayBuffer> {
  const value = text.trim()
  let bytes: Buffer | undefined
  if (/^[0-9a-f]{64}$/i.test(value)) bytes = Buffer.from(value, 'hex')
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) bytes = Buffer.from(value.replace(/_/g, '/').replace(/-/g, '+'), 'base64')
  if (bytes?.length !== KEY_BYTES) throw new Error(`${source} must be ${FORMAT_HINT}`)
  return new Uint8Array(bytes)
}

function readOrCreateKeyFile(dataDir: string): Uint8Array<ArrayBuffer> {
  const file = join(dataDir, 'data-key')
  try {
    return parseDataKey(readFileSync(file, 'utf8'), file)
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  mkdirSync(dataDir, { recursive: true })
  // Written aside and linked into place, so a second process starting at the
  // same moment reads either no file or a complete one, and the first key wins.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
  writeFileSync(draft, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600 })
  try {
    linkSync(draft, file)
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  finally {
    unlinkSync(draft)
  }
  return parseDataKey(readFileSync(file, 'utf8'), file)
}

/**
 * The master key for residents' personal information: PORTAL_DATA_KEY, or on
 * the embedded SQLite a key generated once into `<dataDir>/data-key` (mode 0600).
 * With a shared database server the key is required, so it never sits beside the data it protects.
 */
export function loadDataKey(config: KeyConfig = portalConfig()): Uint8Array<ArrayBuffer> {
  const configured = config.dataKey
  if (configured) return parseDataKey(configured, 'PORTAL_DATA_KEY')
  if (config.databaseUrl) {
    throw new Error(`PORTAL_DATA_KEY is required when DATABASE_URL is set: ${FORMAT_HINT}, the same on every instance, stored apart from the database and its backups`)
  }
  return readOrCreateKeyFile(config.dataDir)
}

// HKDF-SHA-256 with an empty salt; distinct info strings make the two sub-keys
// independent. These are the same bytes WebCrypto's deriveKey gave earlier
// versions, so values written then still decrypt.
function deriveKeys(master: Uint8Array): DataKeys {
  const derive = (info: string) => createSecretKey(Buffer.from(hkdfSync('sha256', master, new Uint8Array(0), info, KEY_BYTES)))
  return { encryption: derive('portal/personal-data/v1/encrypt'), lookup: derive('portal/personal-data/v1/lookup') }
}

let cached: Promise<DataKeys> | undefined

/** The process's keys, derived once; tests pass their own master key instead. */
export function getCryptoKeys(master?: Uint8Array<ArrayBuffer>): Promise<DataKeys> {
  if (master) return Promise.resolve().then(() => deriveKeys(master))
  cached ??= Promise.resolve().then(() => deriveKeys(loadDataKey())).catch((error: unknown) => {
    cached = undefined
    throw error
  })
  return cached
}
