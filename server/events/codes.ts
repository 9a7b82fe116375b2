import { randomInt } from 'node:crypto'

import { CODE_ALPHABET } from '#shared/primitives'

export { CODE_ALPHABET }
export const CODE_LENGTH = 7

export function newConfirmationCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}
