import { describe, expect, it } from 'vitest'
import { itemSources, quizContentProblems, quizSources } from './content-files'

describe('anti-fraud item bank (content/quiz/)', () => {
  const items = itemSources()
  const quizzes = quizSources()

  it('has items and quizzes', () => {
    expect(items.length).toBeGreaterThanOrEqual(64)
    expect(quizzes.length).toBeGreaterThan(0)
  })

  it('is valid, complete in both languages, and covers every fraud type with scams and a genuine look-alike', () => {
    expect(quizContentProblems(items, quizzes)).toEqual([])
  })

  it('names the file and field of a problem', () => {
    const bad = [{ file: `${process.cwd()}/content/quiz/items/fake-loan/x.yml`, folder: 'fake-loan', data: { id: 'x', type: 'fake-loan', kind: 'flags' } }]
    expect(quizContentProblems(bad, []).some(p => p.startsWith('content/quiz/items/fake-loan/x.yml: screen'))).toBe(true)
  })
})
