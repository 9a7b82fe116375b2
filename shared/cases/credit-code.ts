/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0–9 and the capitals
 * without I, O, Z, S and V. Characters 3–8 are the administrative division
 * (digits); the 18th is a check character over the first 17.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]!)
    if (value < 0) return null
    sum += value * WEIGHTS[i]!
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!
}

export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false
  return creditCodeCheckChar(code.slice(0, 17)) === code[17]
}

/** What people type: spaces and lower case are forgiven. */
export const normalizeCreditCode = (text: string) => text.replace(/[\s-]/g, '').toUpperCase()
