import { getCryptoKeys, type DataKeys } from './keys'

// The version names the key and algorithm, so a later key rotation can read old values.
const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

const toBase64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url')

/** Only the canonical encoding is accepted, so one stored value has exactly one spelling. */
function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null
  const bytes = new Uint8Array(Buffer.from(text, 'base64url'))
  return toBase64url(bytes) === text ? bytes : null
}

/** `v1.<iv>.<ciphertext and tag>`, AES-256-GCM with a fresh random IV each time. */
export async function encryptText(plain: string, keys?: DataKeys): Promise<string> {
  const { encryption } = keys ?? await getCryptoKeys()
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, encryption, encoder.encode(plain))
  return `${VERSION}.${toBase64url(iv)}.${toBase64url(new Uint8Array(sealed))}`
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
    return decoder.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, encryption, sealed))
  }
  catch (error) {
    throw new Error('The encrypted value could not be decrypted: it was altered or written with another key', { cause: error })
  }
}

/** Hex HMAC-SHA-256: the same value always gives the same hash under one key. Callers pass normalized values. */
export async function lookupHash(value: string, keys?: DataKeys): Promise<string> {
  const { lookup } = keys ?? await getCryptoKeys()
  const mac = await crypto.subtle.sign('HMAC', lookup, encoder.encode(value))
  return Buffer.from(mac).toString('hex')
}
