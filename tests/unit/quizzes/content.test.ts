import { describe, expect, it } from 'vitest'
import { itemSources, quizContentProblems, quizSources } from './content-files'
import { MAX_SENTENCE } from '../courses/content-files'

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

  it('names 你 outside a simulated screen\'s speech, and a long sentence in what a resident is told, and only those', () => {
    const source = items.find(i => i.file.endsWith('/brushing-rebate-like-videos-chat.yml'))!
    const item = structuredClone(source.data) as { screen: { parts: Array<{ id: string, text: { zh: string }, flag?: { zh: string } }> }, explain: { zh: string }, todo: { zh: string } }
    const part = (id: string) => item.screen.parts.find(p => p.id === id)!
    part('invite').text.zh = '你好！在家用手机就能做。'
    part('small-payment').text.zh = '点赞截图后：对方向你转账 3.00 元'
    part('big-task').flag!.zh = '要你先垫钱'
    item.todo.zh = `骗子说“你先垫钱”。${item.todo.zh}`
    item.explain.zh = '先给您一点小钱让您相信，再让您先垫付一大笔钱买指定商品，这是刷单返利的老套路。'
    const problems = quizContentProblems([{ ...source, data: item }], [])
    const mine = problems.filter(p => p.includes('.yml: '))
    expect(mine).toEqual([
      expect.stringMatching(/brushing-rebate-like-videos-chat\.yml: screen\.parts\.small-payment\.text: 你 outside quoted speech/),
      expect.stringMatching(/brushing-rebate-like-videos-chat\.yml: screen\.parts\.big-task\.flag: 你 outside quoted speech/),
      expect.stringMatching(new RegExp(`brushing-rebate-like-videos-chat\\.yml: explain: a sentence over ${MAX_SENTENCE} characters`)),
    ])
  })

  it('names the file and field of a problem', () => {
    const bad = [{ file: `${process.cwd()}/content/quiz/items/fake-loan/x.yml`, folder: 'fake-loan', data: { id: 'x', type: 'fake-loan', kind: 'flags' } }]
    expect(quizContentProblems(bad, []).some(p => p.startsWith('content/quiz/items/fake-loan/x.yml: screen'))).toBe(true)
  })
})
