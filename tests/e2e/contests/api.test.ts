import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, inject, it } from 'vitest'
import type { KnowledgeQuestionFile } from '#shared/contests/content'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const api = new ApiClient(baseURL)
const dir = join(process.cwd(), 'content/contest/questions')
const questions = new Map(readdirSync(dir).map(f => parse(readFileSync(join(dir, f), 'utf8')) as KnowledgeQuestionFile).map(q => [q.id, q]))

async function tokenFor(phone: string) {
  const { demoCode } = (await api.post('/api/verifications', { phone, purpose: 'contest-entry' })).json
  return (await api.post('/api/verifications/confirm', { phone, purpose: 'contest-entry', code: demoCode })).json.verificationToken as string
}

describe('the knowledge contest', () => {
  it('has the demo: one contest open now, and last year\'s closed with a result across the districts', async () => {
    const list = (await api.get('/api/contests')).json.items
    expect(list.find((c: { slug: string }) => c.slug === 'week-knowledge-contest')).toMatchObject({ state: 'open', teamKind: 'district' })
    expect(list.find((c: { slug: string }) => c.slug === 'last-year-contest')).toMatchObject({ state: 'closed' })
    const board = (await api.get('/api/contests/last-year-contest/leaderboard')).json
    expect(board.visible).toBe(true)
    const ranked = board.teams.filter((t: { rank: number | null }) => t.rank !== null)
    expect(ranked.length).toBeGreaterThan(5)
    expect(ranked.map((t: { rank: number }) => t.rank)).toEqual(ranked.map((_: unknown, i: number) => i + 1))
    // Districts under 10 entries are listed without a rank.
    expect(board.teams.some((t: { rank: number | null, entries: number }) => t.rank === null && t.entries > 0 && t.entries < 10)).toBe(true)
    expect(board.individuals.length).toBeGreaterThan(0)
    expect(board.individuals.every((p: { nickname: string }) => !/\d{5,}/.test(p.nickname))).toBe(true)
    expect(JSON.stringify(board)).not.toMatch(/phone|hash/i)
  })

  it('enters a verified number once, draws items without answers, checks answers on the server, and shows nicknames only', async () => {
    const phone = '13911112222'
    const token = await tokenFor(phone)
    const bad = await api.post('/api/contests/week-knowledge-contest/entries', { verificationToken: token, phone, team: 'heping', nickname: '电话13911112222' })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.json.data.fieldErrors)).toEqual(['nickname'])
    const made = await api.post('/api/contests/week-knowledge-contest/entries', { verificationToken: token, phone, team: 'heping', nickname: '和平老张' })
    expect(made.status).toBe(201)
    expect(made.json.items).toHaveLength(10)
    expect(made.text).not.toMatch(/"(answer|explain|isScam|type|flag)":/)
    const again = await api.post('/api/contests/week-knowledge-contest/entries', { verificationToken: await tokenFor(phone), phone, team: 'hexi', nickname: '又来了' })
    expect(again.status).toBe(409)
    expect(again.json.data.reason).toBe('already-entered')
    expect((await api.post('/api/contests/week-knowledge-contest/entries', { verificationToken: await tokenFor('13911113333'), phone: '13911114444', team: 'heping', nickname: '别人的号' })).status).toBe(422)
    expect((await api.post('/api/contests/last-year-contest/entries', { verificationToken: await tokenFor('13911115555'), phone: '13911115555', team: 'heping', nickname: '来晚了' })).status).toBe(410)

    const id = made.json.entryId
    const secret = { 'x-entry-secret': made.json.entrySecret as string }
    let right = 0
    for (const item of made.json.items) {
      const q = questions.get(item.id)
      expect(item.kind).toBe('question')
      const answer = { option: q!.answer }
      const r = await api.request('POST', `/api/contest-entries/${id}/answers`, { itemId: item.id, answer }, secret)
      expect(r.status).toBe(200)
      expect(r.json.correct).toBe(true)
      if (r.json.correct) right++
    }
    const first = made.json.items[0]
    expect((await api.request('POST', `/api/contest-entries/${id}/answers`, { itemId: first.id, answer: { option: 0 } }, secret)).status).toBe(409)
    const state = (await api.request('GET', `/api/contest-entries/${id}`, undefined, secret)).json
    expect(state.answered).toHaveLength(10)
    const board = (await api.get('/api/contests/week-knowledge-contest/leaderboard')).json
    expect(board.individuals.find((p: { nickname: string }) => p.nickname === '和平老张')).toMatchObject({ correct: right, answered: 10, team: 'heping' })
    expect(JSON.stringify(board)).not.toContain(phone)

    // The resident sees the entry, with the number kept for prizes, in their own data.
    const { demoCode } = (await api.post('/api/verifications', { phone, purpose: 'my-data' })).json
    const { verificationToken } = (await api.post('/api/verifications/confirm', { phone, purpose: 'my-data', code: demoCode })).json
    const mine = (await api.post('/api/my-data', { verificationToken })).json
    expect(mine.data['contest-entries']).toEqual([expect.objectContaining({ nickname: '和平老张', team: 'heping', phone })])
  })

  it('lets the organizer disqualify with a reason (audited) and export results masked, or revealed with a reason (audited)', async () => {
    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    const list = (await admin.get('/api/organizer/contests')).json
    const id = list.ids[list.items.findIndex((c: { slug: string }) => c.slug === 'week-knowledge-contest')]
    const masked = await admin.request('POST', `/api/organizer/contests/${id}/results.csv`, {})
    expect(masked.status).toBe(200)
    const raw = new Uint8Array(await (await fetch(`${baseURL}/api/organizer/contests/${id}/results.csv`, { method: 'POST', headers: { 'cookie': admin.cookie, 'content-type': 'application/json' }, body: '{}' })).arrayBuffer())
    expect([...raw.slice(0, 3)]).toEqual([0xEF, 0xBB, 0xBF])
    expect(masked.text).toContain('*******2222')
    expect(masked.text).not.toContain('13911112222')
    expect((await admin.request('POST', `/api/organizer/contests/${id}/results.csv`, { reveal: true })).status).toBe(422)
    const full = await admin.request('POST', `/api/organizer/contests/${id}/results.csv`, { reveal: true, reason: 'Calling prize winners' })
    expect(full.text).toContain('13911112222')
    const entries = (await admin.get(`/api/organizer/contests/${id}/entries`)).json.items
    const mine = entries.find((e: { nickname: string }) => e.nickname === '和平老张')
    expect(mine.phone).toBe('*******2222')
    expect((await admin.post(`/api/organizer/contests/${id}/entries/${mine.id}/disqualify`, { reason: 'x' })).status).toBe(422)
    expect((await admin.post(`/api/organizer/contests/${id}/entries/${mine.id}/disqualify`, { reason: 'Answers shared in a group' })).status).toBe(200)
    const board = (await api.get('/api/contests/week-knowledge-contest/leaderboard')).json
    expect(board.individuals.some((p: { nickname: string }) => p.nickname === '和平老张')).toBe(false)
    const audit = (await admin.get('/api/admin/audit?pageSize=50')).json.items.map((a: { action: string }) => a.action)
    expect(audit).toEqual(expect.arrayContaining(['contest.disqualify', 'pii.reveal']))
    // Another organisation's organizer cannot touch a contest it does not run.
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    expect((await organizer.get(`/api/organizer/contests/${id}/entries`)).status).toBe(403)
    expect((await api.get(`/api/organizer/contests/${id}/entries`)).status).toBe(401)
  })

  it('creates and edits a contest for an organisation\'s teams, with field errors for bad settings', async () => {
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const day = 86_400_000
    const body = {
      slug: 'telecom-staff-contest', title: { zh: '通信行业知识赛', en: 'Telecom staff contest' }, rules: { zh: '规则', en: 'Rules' },
      opensAt: new Date(Date.now() + day).toISOString(), closesAt: new Date(Date.now()).toISOString(), questionsPerEntry: 10, teamKind: 'organisation',
      teams: [{ code: 'a', name: { zh: '甲', en: 'A' } }], leaderboard: 'after-close', topics: ['fraud'], withQuizItems: true,
    }
    const bad = await organizer.post('/api/organizer/contests', body)
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.json.data.fieldErrors).sort()).toEqual(['closesAt', 'teams'])
    const good = { ...body, closesAt: new Date(Date.now() + 7 * day).toISOString(), teams: [{ code: 'a', name: { zh: '甲', en: 'A' } }, { code: 'b', name: { zh: '乙', en: 'B' } }] }
    const made = await organizer.post('/api/organizer/contests', good)
    expect(made.status).toBe(201)
    expect((await organizer.post('/api/organizer/contests', good)).status).toBe(422)
    const edited = await organizer.request('PUT', `/api/organizer/contests/${made.json.id}`, { ...good, title: { zh: '通信行业防骗知识赛', en: 'Telecom anti-fraud contest' } })
    expect(edited.status).toBe(200)
    const view = (await api.get('/api/contests/telecom-staff-contest')).json
    expect(view).toMatchObject({ state: 'upcoming', teamKind: 'organisation', title: { zh: '通信行业防骗知识赛' } })
    expect(view.teams.map((t: { code: string }) => t.code)).toEqual(['a', 'b'])
    expect((await api.get('/api/contests/telecom-staff-contest/leaderboard')).json.visible).toBe(false)
  })

  it('takes a contest and a call for cases written in Chinese only, and shows the Chinese on English pages', async () => {
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const day = 86_400_000
    const slug = `village-contest-${Date.now().toString(36)}`
    const made = await organizer.post('/api/organizer/contests', {
      slug, title: { zh: '村里的防骗知识赛' }, rules: { zh: '每人答十题' },
      opensAt: new Date(Date.now() + day).toISOString(), closesAt: new Date(Date.now() + 7 * day).toISOString(), questionsPerEntry: 10, teamKind: 'organisation',
      teams: [{ code: 'a', name: { zh: '东村' } }, { code: 'b', name: { zh: '西村' } }], leaderboard: 'after-close', topics: ['fraud'], withQuizItems: true,
    })
    expect(made.status, made.text).toBe(201)
    const view = (await api.get(`/api/contests/${slug}`)).json
    expect(view.title).toEqual({ zh: '村里的防骗知识赛', en: '' })
    const english = await fetch(`${baseURL}/contests/${slug}`, { headers: { cookie: 'lang=en' } }).then(r => r.text())
    expect(english).toContain('村里的防骗知识赛')

    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    const call = await admin.post('/api/admin/cases/calls', {
      slug: `village-call-${Date.now().toString(36)}`, title: { zh: '乡村信息消费案例征集' }, rules: { zh: '写清做法和成效' },
      opensAt: new Date(Date.now() + day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString(),
      voteOpensAt: new Date(Date.now() + 31 * day).toISOString(), voteClosesAt: new Date(Date.now() + 40 * day).toISOString(),
      votesPerPerson: 3, voteWeight: 20, weights: { exemplary: 40, innovative: 30, replicable: 30 },
    })
    expect(call.status, call.text).toBe(201)
  })
})
