// How the content tests read the portal's Chinese the way a resident does: addressed as 您, in short sentences.

/** Quoted speech (“…” 「…」 ‘…’) is someone else's words, e.g. a scammer's; it may say 你. */
const QUOTED = /“[^”]*”|「[^」]*」|‘[^’]*’/g

/** Each 你 outside quoted speech, with a few characters around it to find it by. */
export function informalAddress(text: string): string[] {
  const unquoted = text.replace(QUOTED, '…')
  return [...unquoted.matchAll(/你/g)].map(m => unquoted.slice(Math.max(0, m.index - 8), m.index + 9))
}

/** Markdown marks and link targets are not read aloud. */
const plain = (text: string) => text.replace(/\]\([^)]*\)/g, ']').replace(/[*_#>`[\]]/g, '')

/** A sentence ends at 。！？； or a line break (a list item is a sentence of its own). */
export function sentencesOf(text: string): string[] {
  return plain(text).split(/[。！？；!?;\n]+/).map(s => s.replace(/^\s*(?:[-+]|\d+\.)\s+/, '').trim()).filter(Boolean)
}

/** What a reader reads: letters (汉字 included) and digits; punctuation and spaces do not count. */
export const sentenceLength = (sentence: string) => sentence.match(/[\p{L}\p{N}]/gu)?.length ?? 0

/** The sentences of `text` longer than `max`. */
export const longSentences = (text: string, max: number) => sentencesOf(text).filter(s => sentenceLength(s) > max)
