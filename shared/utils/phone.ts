// Chinese input methods often type full-width characters (０-９, ＋, （）, －, ．).
const toHalfWidth = (input: string): string =>
  input
    .replace(/[\uFF01-\uFF5E]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/\u3000/g, ' ')

/**
 * A mainland mobile number as its 11 digits (`13812345678`), or null. Accepts
 * the country code as `+86`, `86` or `0086`, and spaces, dashes, dots and
 * parentheses anywhere between the digits.
 */
export function normalizeMobile(input: string): string | null {
  const compact = toHalfWidth(input).replace(/[\s\-.()]/g, '')
  const match = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(compact)
  return match ? match[1]! : null
}
