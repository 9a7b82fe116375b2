import { describe, expect, it } from 'vitest'
import { creditCodeCheckChar, isCreditCode, normalizeCreditCode } from '#shared/cases/credit-code'
import { creditCodeSchema } from '#shared/cases/requests'

// Published codes of well-known organisations (from their public business licences) and the standard's own example.
const valid = ['91350100M000100Y43', '914403001922038216', '91110000802100433B', '911100001000044477']

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(valid)('accepts %s', (code) => {
    expect(isCreditCode(code)).toBe(true)
  })

  it('refuses a wrong check character, every single-character change of the body, and letters the standard leaves out', () => {
    expect(isCreditCode('91350100M000100Y44')).toBe(false)
    const code = valid[0]!
    for (let i = 0; i < 17; i++) {
      const changed = code.slice(0, i) + (code[i] === '1' ? '2' : '1') + code.slice(i + 1)
      expect(isCreditCode(changed), changed).toBe(false)
    }
    // I, O, Z, S and V are not in the alphabet; characters 3–8 are the division, digits only.
    expect(isCreditCode('91350100M000100YO3')).toBe(false)
    expect(isCreditCode('91A50100M000100Y43')).toBe(false)
    expect(isCreditCode('91350100M000100Y4')).toBe(false)
    expect(creditCodeCheckChar('9135010')).toBeNull()
  })

  it('maps a check value of 31 to 0, as the standard says', () => {
    // Search a body whose weighted sum is a multiple of 31: its check character is 0.
    let found = ''
    for (let n = 0; n < 5000 && !found; n++) {
      const body = `911201${String(n).padStart(11, '0')}`
      if (creditCodeCheckChar(body) === '0') found = body
    }
    expect(found).not.toBe('')
    expect(isCreditCode(`${found}0`)).toBe(true)
  })

  it('forgives spaces, dashes and lower case as typed, and names the problem otherwise', () => {
    expect(normalizeCreditCode(' 9135 0100-m000100y43 ')).toBe('91350100M000100Y43')
    expect(creditCodeSchema.parse('9135 0100 m000 100y43')).toBe('91350100M000100Y43')
    const bad = creditCodeSchema.safeParse('91350100M000100Y44')
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toMatch(/last character/)
  })
})
