import { describe, expect, it } from 'vitest'
import { nicknameProblem } from '#shared/contests/nickname'
import { nicknameSchema } from '#shared/contests/requests'

describe('a public nickname', () => {
  it.each([
    ['１３８００１３８０００', 'digits'], // full-width
    ['老张１３８００', 'digits'],
    ['138 0013 8000', 'digits'],
    ['138-0013-8000', 'digits'],
    ['1 3 8 0 0', 'digits'],
    ['王١٣٨٠٠١٣', 'digits'], // Arabic-Indic
    ['李۱۲۳۴۵', 'digits'], // Extended Arabic-Indic (Persian)
    ['张१२३४५', 'digits'], // Devanagari
    ['一三八零零一三八', 'digits'], // Chinese numerals
    ['①②③④⑤', 'digits'],
    ['www abc', 'link'],
    ['http 老张', 'link'],
    ['abc．com', 'link'],
    ['hello。cn', 'link'],
    ['abc点com', 'link'],
    ['你是傻逼', 'rude'],
    ['傻 逼', 'rude'],
    ['FUCK you', 'rude'],
    ['ｓｈｉｔ', 'rude'],
  ])('refuses %s (%s)', (value, problem) => {
    expect(nicknameProblem(value)).toBe(problem)
    expect(nicknameSchema.safeParse(value).success).toBe(false)
  })

  it.each(['和平老张', '河西老李', 'Anna 2024', '王 12 34', 'Sam_99', '三人行'])('accepts %s', (value) => {
    expect(nicknameProblem(value)).toBeNull()
    expect(nicknameSchema.safeParse(value).success).toBe(true)
  })

  it('control: the ASCII-only rule it replaces let full-width and spaced numbers through', () => {
    const old = (v: string) => !/\d{5,}/.test(v) && !/(https?|www|\.com|\.cn)/i.test(v)
    expect(old('１３８００１３８０００')).toBe(true)
    expect(old('138 0013 8000')).toBe(true)
    expect(old('你是傻逼')).toBe(true)
    expect(nicknameProblem('１３８００１３８０００')).not.toBeNull()
  })
})
