import { normalizeMobile } from './phone'

/**
 * `13812345678` → `*******5678`: only the last four digits, the part a
 * resident reads out to be recognised. Staff also see booking codes, so the
 * mask leaves 10⁷ numbers to guess, not 10⁴. Anything that is not a mobile
 * number shows nothing of itself, not even its length.
 */
export function maskPhone(phone: string): string {
  const mobile = normalizeMobile(phone)
  return mobile ? `*******${mobile.slice(7)}` : '****'
}

/**
 * Keeps the first character and replaces every other one with `*`, keeping
 * spaces: `张三` → `张*`, `Li Wei` → `L* ***`. A one-character name becomes `*`.
 * Works by code point, so rare characters outside the BMP count as one.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return chars.length ? '*' : ''
  return chars.map((c, i) => (i === 0 || /\s/.test(c) ? c : '*')).join('')
}
