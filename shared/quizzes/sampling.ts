import type { QuizFile } from './content'
import type { FraudType, ItemKind, ItemType } from './vocabulary'

export interface BankItem { id: string, type: ItemType, lookalike?: FraudType, kind: ItemKind }
export type Random = () => number

const shuffle = <T>(list: T[], random: Random): T[] => {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** Whether a draw keeps the quiz's rule: so many scams and genuine items, enough types, flags and action items. */
export function keepsRule(draw: BankItem[], rule: QuizFile['rule']): boolean {
  const scams = draw.filter(i => i.type !== 'genuine')
  return scams.length === rule.scams
    && draw.length - scams.length === rule.genuine
    && new Set(scams.map(i => i.type)).size >= rule.minTypes
    && (!rule.types || scams.every(i => rule.types!.includes(i.type as FraudType)))
    && draw.filter(i => i.kind === 'flags').length >= rule.flags
    && draw.filter(i => i.kind === 'action').length >= rule.actions
    && new Set(draw.map(i => i.id)).size === draw.length
}

/**
 * A fresh, balanced sample: one scam from each of `minTypes` random types first, the rest at random,
 * genuine look-alikes of the same types where there are enough. Redrawn until the rule holds
 * (the content test makes sure the bank can always meet it). Shown in random order.
 */
export function drawItems(bank: BankItem[], rule: QuizFile['rule'], random: Random = Math.random): BankItem[] {
  const scams = bank.filter(i => i.type !== 'genuine' && (!rule.types || rule.types.includes(i.type as FraudType)))
  const allGenuine = bank.filter(i => i.type === 'genuine')
  const alike = allGenuine.filter(i => !rule.types || rule.types.includes(i.lookalike!))
  const genuine = alike.length >= rule.genuine * 2 ? alike : allGenuine
  for (let attempt = 0; attempt < 500; attempt++) {
    const types = shuffle([...new Set(scams.map(i => i.type))], random).slice(0, rule.minTypes)
    const seeded = types.map(t => shuffle(scams.filter(i => i.type === t), random)[0]!)
    const rest = shuffle(scams.filter(i => !seeded.includes(i)), random)
    const picked = [...seeded, ...rest].slice(0, rule.scams)
    const draw = [...picked, ...shuffle(genuine, random).slice(0, rule.genuine)]
    if (keepsRule(draw, rule)) return shuffle(draw, random)
  }
  throw new Error('The item bank cannot meet this quiz\'s rule')
}
