import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, inject, it } from 'vitest'
import type { KnowledgeQuestionFile } from '#shared/contests/content'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const api = new ApiClient(baseURL)

// Every collection the build serves: the ones content.config.ts defines, and the module's own `info`.
const collections = [...readFileSync(join(process.cwd(), 'content.config.ts'), 'utf8').matchAll(/(\w+): defineCollection\(/g)].map(m => m[1]!).concat('info')
const contestIds = new Set(readdirSync(join(process.cwd(), 'content/contest/questions')).map(f => (parse(readFileSync(join(process.cwd(), 'content/contest/questions', f), 'utf8')) as KnowledgeQuestionFile).id))
const quizItemIds = new Set(readdirSync(join(process.cwd(), 'content/quiz/items'), { recursive: true }).map(String).filter(f => f.endsWith('.yml')).map(f => f.split('/').pop()!.replace(/\.yml$/, '')))

async function tokenFor(phone: string) {
  const { demoCode } = (await api.post('/api/verifications', { phone, purpose: 'contest-entry' })).json
  return (await api.post('/api/verifications/confirm', { phone, purpose: 'contest-entry', code: demoCode })).json.verificationToken as string
}

describe('no key leaves the server before its answer', () => {
  it('answers 404 to every request for a collection\'s dump or query, whatever the method, case or escaping', async () => {
    expect(collections).toEqual(expect.arrayContaining(['contestQuestions', 'quizItems', 'courses']))
    const paths = collections.flatMap(c => [
      `/__nuxt_content/${c}/sql_dump.txt`, `/__nuxt_content/${c}/query`, `/__nuxt_content/${c}/sql_dump.txt?v=1`,
      `/__NUXT_CONTENT/${c}/sql_dump.txt`, `/__nuxt_content/${c.toUpperCase()}/query`, `/%5F%5Fnuxt_content/${c}/sql_dump.txt`,
      `//__nuxt_content/${c}/query`, `/__nuxt_content/${c}/sql_dump.txt/`,
    ])
    const seen: Array<[string, string, number]> = []
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'HEAD', 'PUT']) {
        const body = method === 'POST' || method === 'PUT' ? JSON.stringify({ sql: `SELECT * FROM _content_${path.split('/')[2]}` }) : undefined
        const res = await fetch(`${baseURL}${path}`, { method, body, headers: body ? { 'content-type': 'application/json' } : {}, redirect: 'manual' })
        const text = await res.text()
        seen.push([method, path, res.status])
        expect(text).not.toMatch(/INSERT INTO|"answer"|isScam/i)
      }
    }
    expect(seen.filter(([, , status]) => status !== 404)).toEqual([])
    // A guessed pass header is a visitor's header like any other.
    expect((await fetch(`${baseURL}/__nuxt_content/quizItems/sql_dump.txt`, { headers: { 'x-portal-content-pass': 'x'.repeat(43) } })).status).toBe(404)
    // Control: the same requests reach the server and its other routes answer (the 404s are the block's).
    expect((await fetch(`${baseURL}/api/quizzes`, { method: 'GET' })).status).toBe(200)
  })

  it('still reads the content on the server for courses, the quiz and the contest after all that', async () => {
    expect((await api.get('/api/courses')).status).toBe(200)
    expect((await api.get('/api/quizzes')).json.items.length).toBeGreaterThan(0)
    expect((await api.get('/api/quizzes/quick-check/sheet?seed=7')).json.items.length).toBeGreaterThan(0)
    const phone = '13922220001'
    const made = await api.post('/api/contests/week-knowledge-contest/entries', { verificationToken: await tokenFor(phone), phone, team: 'heping', nickname: '读题检查' })
    expect(made.status).toBe(201)
    expect(made.json.items).toHaveLength(10)
    const page = await fetch(`${baseURL}/courses`)
    expect(page.status).toBe(200)
  })

  it('no item a contest can draw is on a quiz\'s paper sheet: contests draw only their own questions', async () => {
    const onSheets = new Set<string>()
    const quizzes = (await api.get('/api/quizzes')).json.items.map((q: { slug: string }) => q.slug)
    for (const slug of quizzes) {
      for (let seed = 1; seed <= 40; seed++) {
        for (const item of (await api.get(`/api/quizzes/${slug}/sheet?seed=${seed}`)).json.items as Array<{ id: string, isScam: boolean }>) onSheets.add(item.id)
      }
    }
    // The sheets do give keys, for most of the bank: this is what made quiz items unsafe in a contest.
    expect(onSheets.size).toBeGreaterThan(quizItemIds.size / 2)
    // Entries, as residents draw them.
    const drawn = new Set<string>()
    for (let i = 0; i < 3; i++) {
      const phone = `1392222001${i + 2}`
      const made = await api.post('/api/contests/week-knowledge-contest/entries', { verificationToken: await tokenFor(phone), phone, team: 'hexi', nickname: `抽题检查${i}` })
      expect(made.status).toBe(201)
      for (const item of made.json.items as Array<{ id: string, kind: string }>) drawn.add(item.id)
    }
    expect([...drawn].filter(id => onSheets.has(id))).toEqual([])
    expect([...drawn].every(id => contestIds.has(id))).toBe(true)
    // Control: the pool as it was (the contest's questions and every quiz item) meets the sheets at once.
    const oldPool = new Set([...contestIds, ...quizItemIds])
    expect([...onSheets].filter(id => oldPool.has(id)).length).toBeGreaterThan(0)
    // And the contest's own questions are on no sheet at all.
    expect([...contestIds].filter(id => onSheets.has(id))).toEqual([])
  })
})
