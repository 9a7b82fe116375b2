import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { contestTopics, knowledgeQuestionFile, type KnowledgeQuestionFile } from '#shared/contests/content'
import { MAX_SENTENCE, wordingProblems } from '../courses/content-files'

const dir = join(process.cwd(), 'content/contest/questions')

describe('knowledge contest questions (content/contest/)', () => {
  const files = readdirSync(dir).filter(f => f.endsWith('.yml'))
  const problems: string[] = []
  const parsed = files.map((f) => {
    const result = knowledgeQuestionFile.safeParse(parse(readFileSync(join(dir, f), 'utf8')))
    if (!result.success) problems.push(...result.error.issues.map(i => `content/contest/questions/${f}: ${i.path.join('.')}: ${i.message}`))
    else if (result.data.id !== f.replace(/\.yml$/, '')) problems.push(`content/contest/questions/${f}: id: must be the file's name`)
    return result.data
  })

  it('is valid in both languages, ids matching file names', () => {
    expect(problems).toEqual([])
  })

  const wording = (file: string, q: KnowledgeQuestionFile) => wordingProblems(`content/contest/questions/${file}`, [
    ['question', q.question.zh], ...q.options.map((o, i) => [`options.${i}`, o.zh] as const), ['explain', q.explain.zh],
  ])

  it(`addresses residents as 您, in sentences of ${MAX_SENTENCE} characters or fewer`, () => {
    expect(files.flatMap((f, i) => parsed[i] ? wording(f, parsed[i]) : [])).toEqual([])
  })

  it('names 你 outside quoted speech and a long sentence, and lets a quoted 你 stand', () => {
    const i = files.indexOf('payment-code-never-share.yml')
    const q = structuredClone(parsed[i]!)
    q.question.zh = '有人打电话说“你的卡有风险”，要验证码。怎么办？'
    q.options[0]!.zh = '你告诉他'
    q.explain.zh = '验证码就像一把钥匙，银行、警察、客服都不会打电话向您要这个验证码。'
    expect(wording('payment-code-never-share.yml', q)).toEqual([
      expect.stringMatching(/payment-code-never-share\.yml: options\.0: 你 outside quoted speech/),
      expect.stringMatching(/payment-code-never-share\.yml: explain: a sentence over/),
    ])
  })

  it('covers every topic with at least 6 questions, and the right answer is not always in one place', () => {
    for (const topic of contestTopics) expect(parsed.filter(q => q?.topic === topic).length, topic).toBeGreaterThanOrEqual(6)
    expect(new Set(parsed.map(q => q?.answer)).size).toBeGreaterThanOrEqual(3)
  })

  it('shares no id with the anti-fraud items, which join the same pool', () => {
    const quizIds = new Set(readdirSync(join(process.cwd(), 'content/quiz/items')).flatMap(d => readdirSync(join(process.cwd(), 'content/quiz/items', d)).map(f => f.replace(/\.yml$/, ''))))
    expect(parsed.filter(q => q && quizIds.has(q.id)).map(q => q!.id)).toEqual([])
  })
})
