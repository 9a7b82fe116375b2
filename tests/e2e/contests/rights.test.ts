import { describe, expect, inject, it } from 'vitest'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const api = new ApiClient(baseURL)
const HOUR = 3_600_000

async function tokenFor(phone: string, purpose: 'contest-entry' | 'my-data' = 'contest-entry') {
  const { demoCode } = (await api.post('/api/verifications', { phone, purpose })).json
  return (await api.post('/api/verifications/confirm', { phone, purpose, code: demoCode })).json.verificationToken as string
}

/** An open contest of its own for each test, so counts and boards are the test's alone. */
async function openContest(admin: ApiClient, slug: string, overrides: Record<string, unknown> = {}) {
  const body = {
    slug, title: { zh: '权利测试', en: 'Rights test' }, rules: { zh: '规则', en: 'Rules' },
    opensAt: new Date(Date.now() - HOUR).toISOString(), closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    questionsPerEntry: 5, teamKind: 'district', leaderboard: 'live', topics: ['fraud', 'safe-payment'], ...overrides,
  }
  const made = await admin.post('/api/organizer/contests', body)
  expect(made.status).toBe(201)
  return { id: made.json.id as string, body }
}

const enter = (slug: string, phone: string, token: string, nickname: string) =>
  api.post(`/api/contests/${slug}/entries`, { verificationToken: token, phone, team: 'heping', nickname })

describe('one entry per number, answered only by its entrant, kept whole by edits', () => {
  it('after an erase the entry leaves the board and the number is still refused (409): the board counts one', async () => {
    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    await openContest(admin, 'rights-erase')
    const phone = '13933330001'
    const made = await enter('rights-erase', phone, await tokenFor(phone), '抹去的人')
    expect(made.status).toBe(201)
    for (const item of made.json.items) {
      await api.request('POST', `/api/contest-entries/${made.json.entryId}/answers`, { itemId: item.id, answer: { option: 0 } }, { 'x-entry-secret': made.json.entrySecret })
    }
    const before = (await api.get('/api/contests/rights-erase/leaderboard')).json
    expect(before.individuals.map((p: { nickname: string }) => p.nickname)).toEqual(['抹去的人'])
    const erased = await api.post('/api/my-data/erase', { verificationToken: await tokenFor(phone, 'my-data') })
    expect(erased.status).toBe(200)
    expect(erased.json.erased['contest-entries']).toBe(1)
    const again = await enter('rights-erase', phone, await tokenFor(phone), '又来一次')
    expect(again.status).toBe(409)
    expect(again.json.data.reason).toBe('already-entered')
    const board = (await api.get('/api/contests/rights-erase/leaderboard')).json
    expect(board.individuals).toEqual([])
    expect(JSON.stringify(board)).not.toMatch(/抹去的人|又来一次/)
    // One entry was ever taken for the number.
    expect((await api.get('/api/contests/rights-erase')).json.entries).toBe(1)
    // The erased entry no longer answers, even with its secret.
    expect((await api.request('GET', `/api/contest-entries/${made.json.entryId}`, undefined, { 'x-entry-secret': made.json.entrySecret })).status).toBe(404)
    // Control: another number still enters.
    expect((await enter('rights-erase', '13933330002', await tokenFor('13933330002'), '另一个人')).status).toBe(201)
  })

  it('the organizer\'s session, or the id alone, cannot answer an entry (403); the entrant can (200)', async () => {
    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    const { id } = await openContest(admin, 'rights-secret')
    const phone = '13933330003'
    const made = await enter('rights-secret', phone, await tokenFor(phone), '本人作答')
    expect(made.status).toBe(201)
    expect(made.json.entrySecret).toMatch(/^[\w-]{32}$/)
    const staffView = (await admin.get(`/api/organizer/contests/${id}/entries`)).json.items
    const entryId = staffView[0].id as string
    expect(entryId).toBe(made.json.entryId)
    expect(JSON.stringify(staffView)).not.toContain(made.json.entrySecret)
    const item = made.json.items[0]
    const answer = { itemId: item.id, answer: { option: 0 } }
    expect((await admin.post(`/api/contest-entries/${entryId}/answers`, answer)).status).toBe(403)
    expect((await admin.get(`/api/contest-entries/${entryId}`)).status).toBe(403)
    expect((await api.post(`/api/contest-entries/${entryId}/answers`, answer)).status).toBe(403)
    expect((await api.request('POST', `/api/contest-entries/${entryId}/answers`, answer, { 'x-entry-secret': 'A'.repeat(32) })).status).toBe(403)
    // Nothing was recorded by those.
    expect((await api.request('GET', `/api/contest-entries/${entryId}`, undefined, { 'x-entry-secret': made.json.entrySecret })).json.answered).toEqual([])
    expect((await api.request('POST', `/api/contest-entries/${entryId}/answers`, answer, { 'x-entry-secret': made.json.entrySecret })).status).toBe(200)
  })

  it('after the first entry, edits that change what an entry holds are refused (409, by field); others pass; the entry still answers', async () => {
    const admin = new ApiClient(baseURL)
    await admin.login('admin@demo.local')
    const { id, body } = await openContest(admin, 'rights-edit')
    // The form's view carries the saved topics.
    const saved = (await admin.get(`/api/organizer/contests/${id}`)).json
    expect(saved).toMatchObject({ id, topics: ['fraud', 'safe-payment'], locked: false, questionsPerEntry: 5 })
    // Before anyone enters, anything may change.
    expect((await admin.request('PUT', `/api/organizer/contests/${id}`, { ...body, topics: ['fraud'] })).status).toBe(200)
    expect((await admin.get(`/api/organizer/contests/${id}`)).json.topics).toEqual(['fraud'])
    const phone = '13933330004'
    const made = await enter('rights-edit', phone, await tokenFor(phone), '改设置前')
    expect(made.status).toBe(201)
    expect((await admin.get(`/api/organizer/contests/${id}`)).json.locked).toBe(true)
    // The attack that used to empty entries and make answering a 500: change the topics.
    const topics = await admin.request('PUT', `/api/organizer/contests/${id}`, { ...body, topics: ['online-services'] })
    expect(topics.status).toBe(409)
    expect(Object.keys(topics.json.data.fieldErrors)).toEqual(['topics'])
    const several = await admin.request('PUT', `/api/organizer/contests/${id}`, { ...body, topics: ['online-services'], questionsPerEntry: 6, teamKind: 'organisation', teams: [{ code: 'a', name: { zh: '甲', en: 'A' } }, { code: 'b', name: { zh: '乙', en: 'B' } }] })
    expect(several.status).toBe(409)
    expect(Object.keys(several.json.data.fieldErrors).sort()).toEqual(['questionsPerEntry', 'teamKind', 'topics'])
    // Control: the title may change; the same topics in another order are the same topics.
    expect((await admin.request('PUT', `/api/organizer/contests/${id}`, { ...body, topics: ['fraud'], title: { zh: '改了标题', en: 'New title' } })).status).toBe(200)
    const state = (await api.request('GET', `/api/contest-entries/${made.json.entryId}`, undefined, { 'x-entry-secret': made.json.entrySecret })).json
    expect(state.items).toHaveLength(5)
    for (const item of made.json.items) {
      expect((await api.request('POST', `/api/contest-entries/${made.json.entryId}/answers`, { itemId: item.id, answer: { option: 0 } }, { 'x-entry-secret': made.json.entrySecret })).status).toBe(200)
    }
  })

  it('refuses nicknames with numbers in any script, addresses and insults (422, the nickname field)', async () => {
    const phone = '13933330005'
    const token = await tokenFor(phone)
    for (const nickname of ['１３８００１３８０００', '138 0013 8000', '老王١٣٨٠٠١٣', 'www 老张', '你是傻逼', 'FUCK']) {
      const res = await enter('week-knowledge-contest', phone, token, nickname)
      expect(res.status, nickname).toBe(422)
      expect(Object.keys(res.json.data.fieldErrors)).toEqual(['nickname'])
    }
    // Control: a plain nickname with the same token goes in.
    expect((await enter('week-knowledge-contest', phone, token, '河北老王')).status).toBe(201)
  })
})
