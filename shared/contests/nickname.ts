import { refusedNicknameWords } from './nickname-words'

export type NicknameProblem = 'digits' | 'link' | 'rude'

// Chinese numerals spell a phone number as well as digits do.
const hanDigits = '〇零一二三四五六七八九'
// NFKC folds full-width and circled digits to ASCII; \p{Nd} is a decimal digit in any script.
const fold = (value: string) => value.normalize('NFKC').toLowerCase()
const digitsAsD = (value: string) => [...value].map(c => (/\p{Nd}/u.test(c) || hanDigits.includes(c) ? 'd' : c)).join('')
/** Five digits or more, whatever spaces, dashes, dots or underscores sit between them. */
const longNumber = /d(?:[\s._\-–—·・。．]*d){4,}/
const link = /https?|www|[.。．]\s*(?:com|cn|net|org|top|xyz|cc|vip)\b|(?:点|dot)\s*(?:com|cn|net|org)\b/

/** Why a nickname may not be shown publicly, or null if it may. The schema refuses on any of them. */
export function nicknameProblem(value: string): NicknameProblem | null {
  const folded = fold(value)
  if (longNumber.test(digitsAsD(folded))) return 'digits'
  if (link.test(folded)) return 'link'
  const squeezed = folded.replace(/[\s._\-–—·・。．*]+/g, '')
  if (refusedNicknameWords.some(w => squeezed.includes(w))) return 'rude'
  return null
}
