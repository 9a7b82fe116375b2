/** What a resident's reply asks for: "0"/取消/QX/N cancels, "1"/确认/Y confirms, an optional number picks one of several bookings. */
export type ReplyIntent = { action: 'cancel' | 'confirm', choice: number | null } | { action: 'other' }

const CANCEL = new Set(['0', '取消', 'QX', 'N', 'NO'])
const CONFIRM = new Set(['1', '确认', '確認', 'Y', 'YES'])

/**
 * Reads a reply the way people type it on an old phone: full-width digits and letters
 * (NFKC makes them plain), any case, spaces or punctuation between the word and the number
 * ("0 2", "0，2", "取消2"), a full stop at the end.
 */
export function parseReply(text: string): ReplyIntent {
  const plain = text.normalize('NFKC').trim().toUpperCase().replace(/[.。!！]+$/, '')
  const match = /^(\d|[A-Z]+|取消|确认|確認)[\s,，、:：#-]*(\d{1,2})?$/.exec(plain)
  if (!match) return { action: 'other' }
  const [, word, number] = match
  const choice = number === undefined ? null : Number(number)
  if (CANCEL.has(word!)) return { action: 'cancel', choice }
  if (CONFIRM.has(word!)) return { action: 'confirm', choice }
  return { action: 'other' }
}
