import { randomInt, timingSafeEqual } from 'node:crypto'
import type { H3Event } from 'h3'
import type { Kysely } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import {
  VERIFICATION_CODE_MINUTES, VERIFICATION_TOKEN_MINUTES, VERIFICATION_TRIES,
  type VerificationPurpose,
} from '#shared/verification/schemas'
import { newId, nowIso } from '~~/server/database/ids'
import type { Database } from '~~/server/database/schema'
import { composeVerification } from '~~/server/notifications/messages'
import type { NotificationProvider } from '~~/server/notifications/providers'
import { lookupHash } from '~~/server/privacy/crypto'
import type { PortalConfig } from '~~/server/utils/config'

const minutes = (n: number, from = Date.now()) => new Date(from + n * 60_000).toISOString()
const codeHash = (id: string, code: string) => lookupHash(`verification-code:${id}:${code}`)

/** Only the embedded demo with the recording provider shows the code on screen: nothing would deliver it there. */
export const showsDemoCode = (config: PortalConfig) => !config.databaseUrl && config.demoAccounts && config.notifyProvider === 'record'

export interface IssuedCode { id: string, code: string, expiresAt: string }

/**
 * Stores a new code (hashed) for the number and purpose, and sends it. The code itself is returned only to the caller.
 *
 * With `whenLive: 'keep'` nothing is sent while the number already has a live code for the purpose
 * (not expired, not confirmed, tries left): that code is on the owner's phone, so other people's
 * requests can neither replace it nor run up a count that locks the owner out. At most one code
 * per number and purpose is live, so a number gets at most one text per purpose each 10 minutes.
 * Only the demo, which shows the code on screen, replaces it.
 *
 * A code that cannot be sent is ended at once, so the next request sends a new one.
 */
export async function issueCode(db: Kysely<Database>, provider: NotificationProvider, city: CityProfile, phone: string, purpose: VerificationPurpose, whenLive: 'keep' | 'replace'): Promise<IssuedCode | null> {
  const phoneHash = await lookupHash(phone)
  if (whenLive === 'keep' && await liveCode(db, phoneHash, purpose)) return null
  const id = newId()
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const expiresAt = minutes(VERIFICATION_CODE_MINUTES)
  await db.insertInto('verifications').values({
    id, purpose, phone_hash: phoneHash, code_hash: await codeHash(id, code),
    attempts: 0, expires_at: expiresAt, confirmed_at: null, token_used_at: null, created_at: nowIso(),
  }).execute()
  const { params, text } = composeVerification(city.name.zh, code)
  try {
    await provider.send({ id, to: phone, kind: 'verification', params, text, city: city.name.zh })
  }
  catch (error) {
    await db.updateTable('verifications').set({ expires_at: nowIso() }).where('id', '=', id).execute()
    throw error
  }
  return { id, code, expiresAt }
}

/** The latest code for the number and purpose, if it can still be confirmed. */
async function liveCode(db: Kysely<Database>, phoneHash: string, purpose: VerificationPurpose, now = nowIso()) {
  const latest = await db.selectFrom('verifications').select(['id', 'attempts', 'confirmed_at', 'expires_at'])
    .where('phone_hash', '=', phoneHash).where('purpose', '=', purpose)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
  return latest && !latest.confirmed_at && latest.expires_at > now && latest.attempts < VERIFICATION_TRIES ? latest : undefined
}

export type ConfirmOutcome
  = | { ok: true, token: string, expiresAt: string }
    | { ok: false, reason: 'wrong-code', triesLeft: number }
    | { ok: false, reason: 'gone' }

/**
 * Checks a code against the latest one sent to the number for the purpose.
 * A try is counted before the code is compared, in one statement, so
 * concurrent guesses cannot exceed the allowance.
 */
export async function confirmCode(db: Kysely<Database>, phone: string, purpose: VerificationPurpose, code: string): Promise<ConfirmOutcome> {
  const phoneHash = await lookupHash(phone)
  const now = nowIso()
  const latest = await db.selectFrom('verifications').selectAll()
    .where('phone_hash', '=', phoneHash).where('purpose', '=', purpose)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
  if (!latest || latest.confirmed_at || latest.expires_at <= now) return { ok: false, reason: 'gone' }
  const counted = await db.updateTable('verifications').set(eb => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', latest.id).where('attempts', '<', VERIFICATION_TRIES).where('confirmed_at', 'is', null)
    .returning('attempts').executeTakeFirst()
  if (!counted) return { ok: false, reason: 'gone' }
  const expected = Buffer.from(latest.code_hash)
  const given = Buffer.from(await codeHash(latest.id, code))
  if (!timingSafeEqual(expected, given)) {
    const triesLeft = VERIFICATION_TRIES - counted.attempts
    return triesLeft > 0 ? { ok: false, reason: 'wrong-code', triesLeft } : { ok: false, reason: 'gone' }
  }
  const confirmed = await db.updateTable('verifications').set({ confirmed_at: now })
    .where('id', '=', latest.id).where('confirmed_at', 'is', null).returning('id').executeTakeFirst()
  if (!confirmed) return { ok: false, reason: 'gone' }
  const expiresAt = minutes(VERIFICATION_TOKEN_MINUTES)
  return { ok: true, token: await mintToken(latest.id, purpose, expiresAt, phoneHash), expiresAt }
}

const signature = (id: string, purpose: string, exp: string, phoneHash: string) => lookupHash(`verification-token:${id}:${purpose}:${exp}:${phoneHash}`)

/** `<verification id>.<expiry, ms in base 36>.<signature>`: no personal data; the signature binds the number's hash and the purpose. */
async function mintToken(id: string, purpose: VerificationPurpose, expiresAt: string, phoneHash: string) {
  const exp = Date.parse(expiresAt).toString(36)
  return `${id}.${exp}.${await signature(id, purpose, exp, phoneHash)}`
}

const TOKEN_PATTERN = /^([0-9a-f-]{36})\.([0-9a-z]{1,12})\.([0-9a-f]{64})$/

/**
 * Spends a verification token for `purpose` and returns the number's lookup
 * hash. Each token works once; a forged, expired, spent or other-purpose
 * token is refused. The one way a feature learns that a number was verified.
 */
export async function spendVerificationToken(db: Kysely<Database>, token: string, purpose: VerificationPurpose, now = Date.now()): Promise<{ phoneHash: string } | null> {
  const match = TOKEN_PATTERN.exec(token)
  if (!match) return null
  const [, id, exp, sig] = match as unknown as [string, string, string, string]
  if (parseInt(exp, 36) <= now) return null
  const row = await db.selectFrom('verifications').select(['phone_hash', 'purpose', 'confirmed_at']).where('id', '=', id).executeTakeFirst()
  if (!row || row.purpose !== purpose || !row.confirmed_at) return null
  if (!timingSafeEqual(Buffer.from(await signature(id, purpose, exp, row.phone_hash)), Buffer.from(sig))) return null
  const spent = await db.updateTable('verifications').set({ token_used_at: nowIso() })
    .where('id', '=', id).where('token_used_at', 'is', null).returning('id').executeTakeFirst()
  return spent ? { phoneHash: row.phone_hash } : null
}

/** For handlers: the verified number's hash, or 401 with a field error the form can show. */
export async function requireVerifiedPhone(event: H3Event, token: string, purpose: VerificationPurpose): Promise<string> {
  const spent = await spendVerificationToken(await useDb(), token, purpose)
  if (!spent) {
    throw createError({
      statusCode: 401,
      message: 'Please confirm your mobile number again: the confirmation has expired or was already used',
      data: { reason: 'verification-required' },
    })
  }
  return spent.phoneHash
}
