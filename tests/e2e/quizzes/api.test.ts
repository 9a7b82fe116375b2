import { readdirSync, readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, inject, it } from 'vitest'
import type { QuizItemFile } from '#shared/quizzes/content'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const api = new ApiClient(baseURL)

// The bank as the editors wrote it: the test knows every key, the browser must not.
const root = join(process.cwd(), 'content/quiz/items')
const bank = new Map<string, QuizItemFile>(readdirSync(root).flatMap(d => readdirSync(join(root, d)).map(f => parse(readFileSync(join(root, d, f), 'utf8')) as QuizItemFile)).map(i => [i.id, i]))
/** Every text that would give an item away before it is answered. */
const keysOf = (item: QuizItemFile) => [
  item.explain.zh, item.explain.en, item.todo.zh, item.todo.en,
  ...(item.options ?? []).flatMap(o => [o.text.zh, o.text.en]),
]

describe('the quiz API', () => {
  it('lists the quizzes and gives a fresh draw that keeps the rule, without any answer', async () => {
    const list = await api.get('/api/quizzes')
    expect(list.json.items.map((q: { slug: string }) => q.slug)).toEqual(expect.arrayContaining(['elder-anti-fraud', 'everyday-scams', 'quick-check']))
    const made = await api.post('/api/quizzes/elder-anti-fraud/attempts')
    expect(made.status).toBe(201)
    const items = made.json.items.map((i: { id: string }) => bank.get(i.id)!)
    expect(items).toHaveLength(12)
    expect(items.filter((i: QuizItemFile) => i.type === 'genuine')).toHaveLength(4)
    expect(new Set(items.filter((i: QuizItemFile) => i.type !== 'genuine').map((i: QuizItemFile) => i.type)).size).toBeGreaterThanOrEqual(6)
    for (const item of items) for (const key of keysOf(item)) expect(made.text).not.toContain(JSON.stringify(key).slice(1, -1))
    expect(made.text).not.toMatch(/"(type|flag|flags|answer|options|lookalike|explain|todo|question)":/)
    for (const item of made.json.items) {
      expect(Object.keys(item).sort()).toEqual(['id', 'screen'])
      for (const part of item.screen.parts) expect(Object.keys(part).sort()).toEqual(['id', 'role', 'text'])
    }
    const again = await api.post('/api/quizzes/elder-anti-fraud/attempts')
    expect(again.json.items.map((i: { id: string }) => i.id)).not.toEqual(made.json.items.map((i: { id: string }) => i.id))
  })

  it('checks each answer on the server, says why only afterwards, and scores hits and false alarms with d′ and c', async () => {
    const made = (await api.post('/api/quizzes/elder-anti-fraud/attempts')).json
    const id = made.attemptId as string
    let expected = { hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 }
    for (const [n, view] of (made.items as Array<{ id: string }>).entries()) {
      const item = bank.get(view.id)!
      const isScam = item.type !== 'genuine'
      // Alternate: call every other item a scam.
      const verdict = n % 2 === 0 ? 'scam' : 'genuine'
      const said = await api.post(`/api/quiz-attempts/${id}/answers`, { itemId: item.id, answer: { verdict } })
      expect(said.status).toBe(200)
      expect(said.json.correct).toBe((verdict === 'scam') === isScam)
      expect(said.json.feedback.isScam).toBe(isScam)
      if (item.kind === 'flags') {
        expect(said.json.feedback.next).toBe('flags')
        expect(said.json.feedback.explain).toBeUndefined()
        const flagged = item.screen.parts.filter(p => p.flag).map(p => p.id)
        const plain = item.screen.parts.find(p => !p.flag)!.id
        const tapped = await api.post(`/api/quiz-attempts/${id}/answers`, { itemId: item.id, answer: { flags: [flagged[0], plain] } })
        expect(tapped.json.feedback.flags.filter((f: { found: boolean }) => f.found)).toHaveLength(1)
        expect(tapped.json.feedback.falseTaps).toBe(1)
        expect(tapped.json.feedback.explain).toEqual(item.explain)
      }
      else if (item.kind === 'action') {
        expect(said.json.feedback.next).toBe('action')
        expect(said.json.feedback.answer).toBeUndefined()
        const chose = await api.post(`/api/quiz-attempts/${id}/answers`, { itemId: item.id, answer: { option: item.answer } })
        expect(chose.json).toMatchObject({ correct: true, feedback: { answer: item.answer, next: null } })
      }
      else {
        expect(said.json.feedback).toMatchObject({ next: null, explain: item.explain, todo: item.todo })
      }
      const key = isScam ? (verdict === 'scam' ? 'hits' : 'misses') : (verdict === 'scam' ? 'falseAlarms' : 'correctRejections')
      expected = { ...expected, [key]: expected[key] + 1 }
    }
    const again = await api.post(`/api/quiz-attempts/${id}/answers`, { itemId: made.items[0].id, answer: { verdict: 'scam' } })
    expect(again.status).toBe(409)
    const result = (await api.get(`/api/quiz-attempts/${id}/result`)).json
    expect(result).toMatchObject({ ...expected, total: 12, answered: 12 })
    const H = (expected.hits + 0.5) / (expected.hits + expected.misses + 1)
    expect(Number.isFinite(result.dPrime)).toBe(true)
    expect(result.dPrime).toBeLessThan(Math.sqrt(2) * 3)
    expect(H).toBeGreaterThan(0)
    expect(result.byType.every((r: { review: string }) => r.review.startsWith('/courses/'))).toBe(true)

    const state = (await api.get(`/api/quiz-attempts/${id}`)).json
    expect(state.answered).toHaveLength(12)
  })

  it('refuses answers out of turn or for other items, with clear 4xx', async () => {
    const made = (await api.post('/api/quizzes/quick-check/attempts')).json
    const id = made.attemptId
    const first = bank.get(made.items[0].id)!
    expect((await api.post(`/api/quiz-attempts/${id}/answers`, { itemId: first.id, answer: { option: 0 } })).status).toBe(409)
    const other = [...bank.keys()].find(k => !made.items.some((i: { id: string }) => i.id === k))
    expect((await api.post(`/api/quiz-attempts/${id}/answers`, { itemId: other, answer: { verdict: 'scam' } })).status).toBe(422)
    expect((await api.post(`/api/quiz-attempts/${id}/answers`, { itemId: first.id, answer: { verdict: 'maybe' } })).status).toBe(422)
    expect((await api.post('/api/quiz-attempts/00000000-0000-4000-8000-000000000000/answers', { itemId: first.id, answer: { verdict: 'scam' } })).status).toBe(404)
    expect((await api.get('/api/quiz-attempts/not-a-uuid/result')).status).toBe(400)
    expect((await api.post('/api/quizzes/no-such-quiz/attempts')).status).toBe(404)
  })

  it('prints the same set for the same seed, with answers, and a retake reminder as a valid calendar', async () => {
    const a = (await api.get('/api/quizzes/elder-anti-fraud/sheet?seed=42')).json
    const b = (await api.get('/api/quizzes/elder-anti-fraud/sheet?seed=42')).json
    expect(a.items.map((i: { id: string }) => i.id)).toEqual(b.items.map((i: { id: string }) => i.id))
    expect(a.items).toHaveLength(12)
    expect(a.items.every((i: { explain: unknown }) => i.explain)).toBe(true)
    const ics = await api.get('/api/quizzes/elder-anti-fraud/retake.ics?lang=zh-CN')
    expect(ics.headers.get('content-type')).toContain('text/calendar')
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(ics.text).toContain('VERSION:2.0')
    expect(ics.text).toMatch(/DTSTART;VALUE=DATE:\d{8}/)
    const start = /DTSTART;VALUE=DATE:(\d{4})(\d{2})(\d{2})/.exec(ics.text)!
    const days = (Date.parse(`${start[1]}-${start[2]}-${start[3]}T00:00:00+08:00`) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(12.9)
    expect(days).toBeLessThan(14.1)
    expect(ics.text.split('\r\n').every(line => Buffer.byteLength(line) <= 75)).toBe(true)
    expect(ics.text).toContain('BEGIN:VALARM')
    // A calendar library reads it back: an all-day event with the quiz's link and no personal data.
    const vevent = new ICAL.Component(ICAL.parse(ics.text)).getFirstSubcomponent('vevent')!
    const event = new ICAL.Event(vevent)
    expect(event.startDate.isDate).toBe(true)
    expect(event.summary).toContain('老年人防骗小测验')
    expect(String(vevent.getFirstPropertyValue('url'))).toMatch(/\/quiz\/elder-anti-fraud$/)
    // The alarm rings at 09:00 Beijing time on the day itself (an absolute time), not a day late.
    const trigger = vevent.getFirstSubcomponent('valarm')!.getFirstProperty('trigger')!
    expect(trigger.type).toBe('date-time')
    expect((trigger.getFirstValue() as ICAL.Time).toJSDate().toISOString()).toBe(new Date(`${start[1]}-${start[2]}-${start[3]}T09:00:00+08:00`).toISOString())
    expect(vevent.getFirstProperty('organizer')).not.toBeNull()
    expect(ics.text.endsWith('END:VCALENDAR\r\n')).toBe(true)
  })

  it('gives organizers catch and false-alarm rates per fraud type, and nobody else', async () => {
    expect((await api.get('/api/organizer/quizzes/figures')).status).toBe(401)
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const figures = (await organizer.get('/api/organizer/quizzes/figures')).json
    expect(figures.attempts).toBeGreaterThan(0)
    expect(figures.byType).toHaveLength(16)
    const seen = figures.byType.filter((r: { shown: number }) => r.shown > 0)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((r: { catchRate: number }) => r.catchRate >= 0 && r.catchRate <= 1)).toBe(true)
    // d′ and c, pooled, are for staff: the residents' result page says it in words.
    expect(figures.overall).toMatchObject({ dPrime: expect.any(Number), criterion: expect.any(Number), leaning: expect.stringMatching(/^(trusting|suspicious|balanced)$/) })
  })
})
