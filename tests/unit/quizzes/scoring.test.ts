import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { leaning, probit, sensitivity } from '#shared/quizzes/scoring'
import { drawItems, keepsRule, type BankItem } from '#shared/quizzes/sampling'
import { fraudTypes } from '#shared/quizzes/vocabulary'
import { itemSources, quizSources } from './content-files'
import { quizFile, type QuizFile, type QuizItemFile } from '#shared/quizzes/content'

describe('scoring on telling real from fake', () => {
  it('computes the normal quantile', () => {
    expect(probit(0.5)).toBeCloseTo(0, 9)
    expect(probit(0.975)).toBeCloseTo(1.959964, 5)
    expect(probit(0.01)).toBeCloseTo(-2.326348, 5)
    expect(() => probit(1)).toThrow(RangeError)
  })

  it('matches worked examples, with the log-linear correction', () => {
    // 7 of 8 scams caught, 1 of 4 genuine called a scam: H = 7.5/9, F = 1.5/5.
    const a = sensitivity({ hits: 7, misses: 1, falseAlarms: 1, correctRejections: 3 })
    expect(a.hitRate).toBeCloseTo(7.5 / 9, 12)
    expect(a.falseAlarmRate).toBeCloseTo(0.3, 12)
    expect(a.dPrime).toBeCloseTo(0.9674 + 0.5244, 3)
    expect(a.criterion).toBeCloseTo(-(0.9674 - 0.5244) / 2, 3)
  })

  it('stays finite at rates of 0 and 1: all caught and none wrongly called', () => {
    const perfect = sensitivity({ hits: 8, misses: 0, falseAlarms: 0, correctRejections: 4 })
    // H = 8.5/9, F = 0.5/5
    expect(perfect.dPrime).toBeCloseTo(probit(8.5 / 9) - probit(0.1), 9)
    expect(Number.isFinite(perfect.dPrime)).toBe(true)
    const none = sensitivity({ hits: 0, misses: 8, falseAlarms: 4, correctRejections: 0 })
    expect(none.dPrime).toBeLessThan(0)
  })

  it('tells over-trust from over-caution, which a plain x/12 score cannot', () => {
    // Both get 9 of 12 right.
    const trusting = sensitivity({ hits: 5, misses: 3, falseAlarms: 0, correctRejections: 4 })
    const suspicious = sensitivity({ hits: 8, misses: 0, falseAlarms: 3, correctRejections: 1 })
    expect(leaning(trusting.criterion)).toBe('trusting')
    expect(leaning(suspicious.criterion)).toBe('suspicious')
    expect(leaning(sensitivity({ hits: 6, misses: 2, falseAlarms: 1, correctRejections: 3 }).criterion)).toBe('balanced')
  })
})

describe('drawing a quiz from the bank', () => {
  const bank: BankItem[] = itemSources().map(s => s.data as QuizItemFile).map(i => ({ id: i.id, type: i.type, lookalike: i.lookalike, kind: i.kind }))
  const quizzes: QuizFile[] = quizSources().map(s => quizFile.parse(s.data))

  it('respects every quiz\'s rule on every draw (property test)', () => {
    for (const quiz of quizzes) {
      const rule = quiz.rule
      fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 2 }), (seed) => {
        let s = seed
        const random = () => ((s = (s * 48271) % 2147483647) / 2147483647)
        const draw = drawItems(bank, rule, random)
        expect(keepsRule(draw, rule)).toBe(true)
      }), { numRuns: 200 })
    }
  })

  it('shows other items on a retake', () => {
    const rule = quizzes[0]!.rule
    const a = drawItems(bank, rule).map(i => i.id)
    const b = drawItems(bank, rule).map(i => i.id)
    expect(a).not.toEqual(b)
  })

  it('refuses a rule the bank cannot meet, and the rule check catches a bad draw', () => {
    const rule = { scams: 3, genuine: 1, minTypes: 3, flags: 0, actions: 0, types: [fraudTypes[0]] }
    expect(() => drawItems(bank, rule)).toThrow(/cannot meet/)
    const good = drawItems(bank, { scams: 4, genuine: 2, minTypes: 4, flags: 1, actions: 1 })
    expect(keepsRule([...good.slice(1), good[1]!], { scams: 4, genuine: 2, minTypes: 4, flags: 1, actions: 1 })).toBe(false)
  })
})
