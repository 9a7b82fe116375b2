import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { contestTopics, knowledgeQuestionFile } from '../../../shared/contest/content'

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

  it('covers every topic with at least 6 questions, and the right answer is not always in one place', () => {
    for (const topic of contestTopics) expect(parsed.filter(q => q?.topic === topic).length, topic).toBeGreaterThanOrEqual(6)
    expect(new Set(parsed.map(q => q?.answer)).size).toBeGreaterThanOrEqual(3)
  })

  it('shares no id with the anti-fraud items, which join the same pool', () => {
    const quizIds = new Set(readdirSync(join(process.cwd(), 'content/quiz/items')).flatMap(d => readdirSync(join(process.cwd(), 'content/quiz/items', d)).map(f => f.replace(/\.yml$/, ''))))
    expect(parsed.filter(q => q && quizIds.has(q.id)).map(q => q!.id)).toEqual([])
  })
})
