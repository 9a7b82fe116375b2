// test-clock: retention dates are computed from the instants given here (`purgeAfter`, `now`).
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import type { Kysely } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '~~/server/database/schema'
import { decryptText, encryptText, lookupHash } from '~~/server/privacy/crypto'
import { getCryptoKeys, loadDataKey, type DataKeys } from '~~/server/privacy/keys'
import {
  definePersonalDataSource, definePurger, erasePersonalData, exportPersonalData, purgeAfter,
  runPurge, type Purger,
} from '~~/server/privacy/retention'
import { RETENTION_DAYS_DEFAULT, retentionDays } from '~~/server/utils/config'
import { maskName, maskPhone } from '#shared/utils/mask'
import { mobileNumberSchema } from '#shared/primitives'
import { normalizeMobile } from '#shared/utils/phone'
import { dialects, type TestDatabase } from '~~/tests/support/databases'

const PHONE = '13812345678'
const tempDir = () => mkdtempSync(join(tmpdir(), 'portal-privacy-'))
const bytes = (n: number) => new Uint8Array(randomBytes(n))

describe('mobile numbers', () => {
  it.each([
    ['+86 138 1234 5678'],
    ['0086-138-1234-5678'],
    ['86 13812345678'],
    ['13812345678'],
    ['１３８１２３４５６７８'],
    ['＋８６（１３８）１２３４－５６７８'],
    ['(+86) 138.1234.5678'],
    [' 138\u30001234\t5678 '],
  ])('accepts %j', (input) => {
    expect(normalizeMobile(input)).toBe(PHONE)
  })

  it.each([
    ['12 digits', '138123456789'],
    ['10 digits', '1381234567'],
    ['second digit 2', '12812345678'],
    ['second digit 1', '11012345678'],
    ['a letter', '1381234567a'],
    ['letters', 'abcdefghijk'],
    ['empty', ''],
    ['another country code', '+87 13812345678'],
    ['a plus without the country code', '+13812345678'],
    ['40 characters of junk', '!@#$%^&*()'.repeat(4)],
    ['a landline', '022-2345-6789'],
  ])('rejects %s', (_, input) => {
    expect(normalizeMobile(input)).toBeNull()
  })

  it('accepts every number from 13 to 19 in every spelling', () => {
    fc.assert(fc.property(
      fc.stringMatching(/^1[3-9]\d{9}$/),
      fc.constantFrom('', '+86', '86', '0086', '+86 ', '0086-'),
      (mobile, prefix) => normalizeMobile(`${prefix}${mobile.slice(0, 3)} ${mobile.slice(3, 7)}-${mobile.slice(7)}`) === mobile,
    ))
  })

  it('parses with the schema into the 11 digits', () => {
    expect(mobileNumberSchema.parse('+86 138-1234-5678')).toBe(PHONE)
  })

  it.each([['12812345678'], [`${' '.repeat(30)}${PHONE}`]])('reports %j with the mobile message and its i18n key, without echoing the input', (input) => {
    const result = mobileNumberSchema.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error!.issues).toHaveLength(1)
    expect(result.error!.issues[0]!.message).toBe('Enter an 11-digit mainland mobile number')
    expect(JSON.stringify(result.error!.issues)).not.toMatch(/1[23]812345678/)
  })

  it('gives the UI the i18n key of the message', () => {
    const issue = mobileNumberSchema.safeParse('12812345678').error!.issues[0]!
    expect(issue).toMatchObject({ code: 'custom', params: { i18n: 'errors.mobile' } })
  })
})

describe('masks', () => {
  it('shows the first three and last four digits of a mobile number', () => {
    expect(maskPhone(PHONE)).toBe('*******5678')
    expect(maskPhone('+86 138-1234-5678')).toBe('*******5678')
  })

  it('shows only the last four digits', () => {
    fc.assert(fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (mobile) => {
      const masked = maskPhone(mobile)
      return masked === `*******${mobile.slice(7)}` && !/\d/.test(masked.slice(0, 7))
    }))
  })

  it('shows nothing of what is not a mobile number', () => {
    expect(maskPhone('022-2345-6789')).toBe('****')
    expect(maskPhone('')).toBe('****')
  })

  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['王', '*'],
    ['Li Wei', 'L* ***'],
    ['  李四 ', '李*'],
    ['𠮷野家', '𠮷**'],
    ['阿依古丽·买买提', '阿*******'],
    ['', ''],
  ])('masks the name %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })

  it('keeps only the first character and spaces of any name', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 2 }), (name) => {
      const chars = Array.from(name.trim())
      const masked = Array.from(maskName(name))
      if (chars.length < 2) return true
      return masked.length === chars.length
        && masked[0] === chars[0]
        && masked.slice(1).every((c, i) => c === '*' || (/\s/.test(c) && c === chars[i + 1]))
    }))
  })
})

describe('encryption', () => {
  let keys: DataKeys
  let other: DataKeys
  beforeAll(async () => {
    keys = await getCryptoKeys(bytes(32))
    other = await getCryptoKeys(bytes(32))
  })

  const parts = (token: string) => token.split('.')
  const flipByte = (token: string, part: 1 | 2, index: number) => {
    const all = parts(token)
    const raw = Buffer.from(all[part]!, 'base64url')
    raw[index]! ^= 0x01
    all[part] = raw.toString('base64url')
    return all.join('.')
  }

  it('round-trips Chinese text and rare characters', async () => {
    const text = '张三 · 天津市和平区 𠮷 13812345678'
    expect(await decryptText(await encryptText(text, keys), keys)).toBe(text)
    expect(await decryptText(await encryptText('', keys), keys)).toBe('')
  })

  it('writes v1.<iv>.<ciphertext> with a fresh IV every time', async () => {
    const [a, b] = await Promise.all([encryptText(PHONE, keys), encryptText(PHONE, keys)])
    expect(a).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/)
    expect(a).not.toBe(b)
    expect(parts(a)[1]).not.toBe(parts(b)[1])
  })

  it('never repeats an IV, also across refills of the random pool', async () => {
    const ivs = await Promise.all(Array.from({ length: 1500 }, () => encryptText('张三', keys).then(t => parts(t)[1])))
    expect(new Set(ivs).size).toBe(1500)
  })

  it('does not contain the phone number', async () => {
    const token = await encryptText(PHONE, keys)
    expect(token).not.toContain(PHONE)
    expect(token).not.toContain(Buffer.from(PHONE).toString('base64url').slice(0, 8))
    const sealed = Buffer.from(parts(token)[2]!, 'base64url').toString('latin1')
    expect(sealed).not.toContain(PHONE.slice(3, 7))
  })

  it('rejects any altered byte of the IV, the ciphertext or the tag', async () => {
    const token = await encryptText('张三', keys)
    const lengths = { 1: Buffer.from(parts(token)[1]!, 'base64url').length, 2: Buffer.from(parts(token)[2]!, 'base64url').length }
    expect(lengths).toEqual({ 1: 12, 2: 6 + 16 })
    for (const part of [1, 2] as const) {
      for (let i = 0; i < lengths[part]; i++) {
        await expect(decryptText(flipByte(token, part, i), keys), `part ${part} byte ${i}`).rejects.toThrow(/altered or written with another key/)
      }
    }
  })

  it.each([
    ['another version', (t: string) => t.replace(/^v1/, 'v2')],
    ['a missing part', (t: string) => t.split('.').slice(0, 2).join('.')],
    ['an extra part', (t: string) => `${t}.x`],
    ['a truncated tag', (t: string) => t.slice(0, -4)],
    ['a non-canonical encoding', (t: string) => t.replace(/.$/, c => (c === 'A' ? 'B' : 'A'))],
    ['padding', (t: string) => `${t}=`],
    ['plain text', () => PHONE],
  ])('rejects a token with %s', async (_, alter) => {
    const token = await encryptText('张三', keys)
    await expect(decryptText(alter(token), keys)).rejects.toThrow(Error)
  })

  it('rejects a value written with another key', async () => {
    const token = await encryptText('张三', keys)
    await expect(decryptText(token, other)).rejects.toThrow(/altered or written with another key/)
  })

  it('derives the same keys from the same master key, as after a restart', async () => {
    const master = bytes(32)
    const [first, second] = await Promise.all([getCryptoKeys(master), getCryptoKeys(master)])
    expect(await decryptText(await encryptText('李四', first), second)).toBe('李四')
    expect(await lookupHash(PHONE, first)).toBe(await lookupHash(PHONE, second))
  })

  it('reads values and matches hashes written by the earlier WebCrypto implementation', async () => {
    const master = bytes(32)
    const base = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey'])
    const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode(info) })
    const aes = await crypto.subtle.deriveKey(hkdf('portal/personal-data/v1/encrypt'), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt'])
    const hmac = await crypto.subtle.deriveKey(hkdf('portal/personal-data/v1/lookup'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign'])
    const iv = crypto.getRandomValues(new Uint8Array(12))
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, new TextEncoder().encode('王五 𠮷'))
    const old = `v1.${Buffer.from(iv).toString('base64url')}.${Buffer.from(sealed).toString('base64url')}`
    const now = await getCryptoKeys(master)
    expect(await decryptText(old, now)).toBe('王五 𠮷')
    const oldHash = Buffer.from(await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode(PHONE))).toString('hex')
    expect(await lookupHash(PHONE, now)).toBe(oldHash)
  })

  it('hashes for look-up deterministically, per key and per value', async () => {
    const hash = await lookupHash(PHONE, keys)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(await lookupHash(PHONE, keys)).toBe(hash)
    expect(await lookupHash('13812345679', keys)).not.toBe(hash)
    expect(await lookupHash(PHONE, other)).not.toBe(hash)
  })
})

describe('the data key', () => {
  const embedded = (dataDir = tempDir()) => ({ dataDir, databaseUrl: undefined })
  const server = (dataDir = tempDir()) => ({ dataDir, databaseUrl: 'postgres://portal@db.example/portal' })

  it.each([
    ['base64', (key: Buffer) => key.toString('base64')],
    ['base64url', (key: Buffer) => key.toString('base64url')],
    ['hex', (key: Buffer) => key.toString('hex')],
    ['upper-case hex', (key: Buffer) => key.toString('hex').toUpperCase()],
    ['base64 with a trailing newline', (key: Buffer) => `${key.toString('base64')}\n`],
  ])('accepts PORTAL_DATA_KEY in %s', (_, write) => {
    const key = randomBytes(32)
    const loaded = loadDataKey({ ...server(), dataKey: write(key) })
    expect(Buffer.from(loaded).equals(key)).toBe(true)
  })

  it.each([
    ['31 bytes of base64', randomBytes(31).toString('base64')],
    ['33 bytes of base64', randomBytes(33).toString('base64')],
    ['31 bytes of hex', randomBytes(31).toString('hex')],
    ['a password', 'correct horse battery staple'],
    ['44 characters that are not base64', '!'.repeat(44)],
  ])('rejects PORTAL_DATA_KEY as %s, without echoing it', (_, value) => {
    const dataDir = tempDir()
    let message = ''
    try {
      loadDataKey({ ...embedded(dataDir), dataKey: value })
    }
    catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^PORTAL_DATA_KEY must be 32 random bytes/)
    expect(message).not.toContain(value)
    expect(readdirSync(dataDir)).toEqual([])
  })

  it('generates a key file with mode 0600 on the embedded database, and reuses it', () => {
    const dataDir = join(tempDir(), 'not', 'yet')
    const first = loadDataKey(embedded(dataDir))
    expect(first).toHaveLength(32)
    expect(readdirSync(dataDir)).toEqual(['data-key'])
    expect(statSync(join(dataDir, 'data-key')).mode & 0o777).toBe(0o600)
    expect(loadDataKey(embedded(dataDir))).toEqual(first)
    expect(loadDataKey(embedded())).not.toEqual(first)
  })

  it('prefers PORTAL_DATA_KEY to a generated file', () => {
    const dataDir = tempDir()
    loadDataKey(embedded(dataDir))
    const key = randomBytes(32)
    expect(Buffer.from(loadDataKey({ ...embedded(dataDir), dataKey: key.toString('base64') })).equals(key)).toBe(true)
  })

  it('refuses a damaged key file instead of replacing it', () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, 'data-key'), 'damaged')
    expect(() => loadDataKey(embedded(dataDir))).toThrow(/data-key must be 32 random bytes/)
  })

  it('requires PORTAL_DATA_KEY with DATABASE_URL, and writes no file', () => {
    const dataDir = tempDir()
    expect(() => loadDataKey(server(dataDir))).toThrow(/PORTAL_DATA_KEY is required when DATABASE_URL is set/)
    expect(() => loadDataKey({ ...server(dataDir), dataKey: '' })).toThrow(/PORTAL_DATA_KEY is required/)
    expect(existsSync(join(dataDir, 'data-key'))).toBe(false)
  })
})

describe('retention periods', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it.each([
    [undefined, RETENTION_DAYS_DEFAULT],
    ['90', 90],
    [' 7 ', 7],
    ['1', 1],
    ['3650', 3650],
    ['0', RETENTION_DAYS_DEFAULT],
    ['3651', RETENTION_DAYS_DEFAULT],
    ['-5', RETENTION_DAYS_DEFAULT],
    ['1.5', RETENTION_DAYS_DEFAULT],
    ['30d', RETENTION_DAYS_DEFAULT],
  ])('PORTAL_RETENTION_DAYS=%j keeps data %i days', (value, days) => {
    expect(retentionDays(value)).toBe(days)
  })

  it('is 30 days by default', () => {
    expect(RETENTION_DAYS_DEFAULT).toBe(30)
  })

  it('purges the given number of days after the event ends', () => {
    expect(purgeAfter('2026-12-13T10:00:00.000Z', 30)).toBe('2027-01-12T10:00:00.000Z')
    expect(purgeAfter('2026-12-13T18:00:00+08:00', 1)).toBe('2026-12-14T10:00:00.000Z')
    expect(() => purgeAfter('next week', 30)).toThrow(RangeError)
    expect(() => purgeAfter('2026-12-13T10:00:00.000Z', -1)).toThrow(RangeError)
  })

  it('reads the period from the environment by default', () => {
    vi.stubEnv('PORTAL_RETENTION_DAYS', '7')
    expect(purgeAfter('2026-12-13T10:00:00.000Z')).toBe('2026-12-20T10:00:00.000Z')
    vi.stubEnv('PORTAL_RETENTION_DAYS', '')
    expect(purgeAfter('2026-12-13T10:00:00.000Z')).toBe('2027-01-12T10:00:00.000Z')
  })
})

interface TestBookingsTable {
  id: string
  phone_hash: string
  purge_after: string
}
const bookings = (db: Kysely<Database>) => db.withTables<{ privacy_test_bookings: TestBookingsTable }>()

const bookingPurger = definePurger({
  name: 'test-bookings',
  purge: async (db, nowIso) => {
    const result = await bookings(db).deleteFrom('privacy_test_bookings').where('purge_after', '<=', nowIso).executeTakeFirst()
    return Number(result.numDeletedRows)
  },
})

definePersonalDataSource({
  name: 'test-bookings',
  find: (db, phoneHash) => bookings(db).selectFrom('privacy_test_bookings').selectAll().where('phone_hash', '=', phoneHash).orderBy('id').execute(),
  erase: async (db, phoneHash) => {
    const result = await bookings(db).deleteFrom('privacy_test_bookings').where('phone_hash', '=', phoneHash).executeTakeFirst()
    return Number(result.numDeletedRows)
  },
})

describe.each(dialects)('purging and residents\' data on $name', ({ open }) => {
  let t: TestDatabase
  const now = new Date('2027-01-12T10:00:00.000Z')
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString()

  beforeAll(async () => {
    t = await open()
    await t.db.schema.createTable('privacy_test_bookings')
      .addColumn('id', 'text', c => c.primaryKey())
      .addColumn('phone_hash', 'text', c => c.notNull())
      .addColumn('purge_after', 'text', c => c.notNull())
      .execute()
  })
  afterAll(async () => {
    await t?.close()
  })

  const insert = (rows: TestBookingsTable[]) => bookings(t.db).insertInto('privacy_test_bookings').values(rows).execute()
  const remaining = async () => (await bookings(t.db).selectFrom('privacy_test_bookings').select('id').orderBy('id').execute()).map(r => r.id)
  const clear = () => bookings(t.db).deleteFrom('privacy_test_bookings').execute()

  it('purges rows that are due, up to and including now, and keeps the rest', async () => {
    await clear()
    await insert([
      { id: 'a-past', phone_hash: 'h1', purge_after: at(-86_400_000) },
      { id: 'b-now', phone_hash: 'h1', purge_after: at(0) },
      { id: 'c-soon', phone_hash: 'h2', purge_after: at(1) },
      { id: 'd-later', phone_hash: 'h2', purge_after: at(86_400_000) },
    ])
    expect(await runPurge(t.db, now)).toEqual({ 'test-bookings': 2 })
    expect(await remaining()).toEqual(['c-soon', 'd-later'])
    expect(await runPurge(t.db, now)).toEqual({ 'test-bookings': 0 })
    expect(await remaining()).toEqual(['c-soon', 'd-later'])
  })

  it('runs the other purgers when one fails, then rejects naming it', async () => {
    await clear()
    await insert([{ id: 'due', phone_hash: 'h1', purge_after: at(-1) }, { id: 'kept', phone_hash: 'h1', purge_after: at(1) }])
    const cause = new Error('disk on fire')
    const broken: Purger = { name: 'broken-feature', purge: () => Promise.reject(cause) }
    const after = vi.fn<Purger['purge']>(async () => 3)
    const error: unknown = await runPurge(t.db, now, [broken, bookingPurger, { name: 'after', purge: after }]).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(AggregateError)
    expect((error as AggregateError).message).toContain('broken-feature')
    expect((error as AggregateError).message).not.toContain('test-bookings')
    expect((error as AggregateError).errors).toEqual([cause])
    expect(error).toMatchObject({ failed: ['broken-feature'], results: { 'test-bookings': 1, 'after': 3 } })
    expect(after).toHaveBeenCalledWith(t.db, now.toISOString())
    expect(await remaining()).toEqual(['kept'])
  })

  it('exports and erases one resident\'s data, and no one else\'s', async () => {
    await clear()
    await insert([
      { id: 'r1', phone_hash: 'resident', purge_after: at(1) },
      { id: 'r2', phone_hash: 'resident', purge_after: at(2) },
      { id: 'o1', phone_hash: 'someone-else', purge_after: at(1) },
    ])
    const exported = await exportPersonalData(t.db, 'resident')
    expect(Object.keys(exported)).toEqual(['test-bookings'])
    expect(exported['test-bookings']!.map(r => r.id)).toEqual(['r1', 'r2'])
    expect(await erasePersonalData(t.db, 'resident')).toEqual({ 'test-bookings': 2 })
    expect(await exportPersonalData(t.db, 'resident')).toEqual({ 'test-bookings': [] })
    expect(await remaining()).toEqual(['o1'])
  })

  it('erases through the other sources when one fails', async () => {
    await clear()
    await insert([{ id: 'r1', phone_hash: 'resident', purge_after: at(1) }])
    const failing = { name: 'broken-source', find: () => Promise.reject(new Error('no')), erase: () => Promise.reject(new Error('no')) }
    const error: unknown = await erasePersonalData(t.db, 'resident', [failing, { name: 'ok', find: async () => [], erase: async () => 0 }]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AggregateError)
    expect((error as AggregateError).message).toContain('broken-source')
    expect(error).toMatchObject({ results: { ok: 0 } })
  })
})

describe('registries', () => {
  it('refuse a second purger or data source under a taken name', () => {
    expect(() => definePurger({ name: 'test-bookings', purge: async () => 0 })).toThrow(/already defined/)
    expect(() => definePersonalDataSource({ name: 'test-bookings', find: async () => [], erase: async () => 0 })).toThrow(/already defined/)
  })
})
