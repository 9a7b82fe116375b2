import { randomInt } from 'node:crypto'

/** No look-alikes: no 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B. Read out over the phone without confusion. */
export const CODE_ALPHABET = 'ACEFGHJKMNPRTUVWXY34679'
export const CODE_LENGTH = 7

export function newConfirmationCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}
