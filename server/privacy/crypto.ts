import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto'
import { getCryptoKeys, type DataKeys } from './keys'

// The version names the key and algorithm, so a later key rotation can read old values.
const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

const decoder = new TextDecoder('utf-8', { fatal: true })

const toBase64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url')

/** Only the canonical encoding is accepted, so one stored value has exactly one spelling. */
function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null
  const bytes = new Uint8Array(Buffer.from(text, 'base64url'))
  return toBase64url(bytes) === text ? bytes : null
}

// A system call for every 12 random bytes was the costliest step of sealing a
// booking; draw 4 KiB at a time (as Node's randomUUID does) and use each IV once.
const ivPool = Buffer.alloc(IV_BYTES * 340)
let ivOffset = ivPool.length
function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool)
    ivOffset = 0
  }
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + IV_BYTES))
  ivOffset += IV_BYTES
  return iv
}

// node:crypto rather than WebCrypto: the same algorithms and formats, but
// synchronous, which is several times cheaper per booking than a WebCrypto job.

/** `v1.<iv>.<ciphertext and tag>`, AES-256-GCM with a fresh random IV each time. */
export async function encryptText(plain: string, keys?: DataKeys): Promise<string> {
  const { encryption } = keys ?? await getCryptoKeys()
  const iv = freshIv()
  const cipher = createCipheriv('aes-256-gcm', encryption, iv)
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return `${VERSION}.${toBase64url(iv)}.${toBase64url(sealed)}`
}

/** Rejects values that were altered, written with another key or are not ours at all. */
export async function decryptText(token: string, keys?: DataKeys): Promise<string> {
  const [version, ivText, sealedText, ...rest] = token.split('.')
  const iv = ivText === undefined ? null : fromBase64url(ivText)
  const sealed = sealedText === undefined ? null : fromBase64url(sealedText)
  if (version !== VERSION || rest.length || iv?.length !== IV_BYTES || !sealed || sealed.length < TAG_BYTES) {
    throw new Error('Not an encrypted value this portal can read')
  }
  const { encryption } = keys ?? await getCryptoKeys()
  try {
    const decipher = createDecipheriv('aes-256-gcm', encryption, iv, { authTagLength: TAG_BYTES })
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
    return decoder.decode(Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]))
  }
  catch (error) {
    throw new Error('The encrypted value could not be decrypted: it was altered or written with another key', { cause: error })
  }
}

/** Hex HMAC-SHA-256: the same value always gives the same hash under one key. Callers pass normalized values. */
export async function lookupHash(value: string, keys?: DataKeys): Promise<string> {
  const { lookup } = keys ?? await getCryptoKeys()
  return createHmac('sha256', lookup).update(value, 'utf8').digest('hex')
}
