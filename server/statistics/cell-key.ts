import { createHmac, hkdfSync } from 'node:crypto'
import { loadDataKey } from '~~/server/privacy/keys'

/**
 * The deployment's secret for the statistics' cell keys: derived from the data key (HKDF, its own
 * info string), so no reader can work out a cell's change, and every instance of one deployment
 * agrees. Changing the data key changes every protected figure once.
 */
let derived: Uint8Array | undefined
export function statisticsSecret(): Uint8Array {
  derived ??= new Uint8Array(hkdfSync('sha256', loadDataKey(), new Uint8Array(0), 'portal/statistics/v1/cell-key', 32))
  return derived
}

/** A cell's key in [0, 1): HMAC-SHA-256 of the cell's name, its first 48 bits as a fraction. */
export function cellKey(secret: Uint8Array, name: string): number {
  return createHmac('sha256', secret).update(name).digest().readUIntBE(0, 6) / 2 ** 48
}
