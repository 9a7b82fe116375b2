import { createError } from 'h3'
import type { Kysely } from 'kysely'
import type { QuizFile, QuizItemFile } from '#shared/quizzes/content'
import type { AnswerBody } from '#shared/quizzes/requests'
import { leaning, sensitivity } from '#shared/quizzes/scoring'
import { drawItems, type BankItem } from '#shared/quizzes/sampling'
import { reviewLessons, type FraudType } from '#shared/quizzes/vocabulary'
import type { AnswerResult, AttemptCreated, AttemptResult, AttemptState } from '#shared/quizzes/views'
import type { Database, QuizAnswersTable } from '~~/server/database/schema'
import { newId, nowIso } from '~~/server/database/ids'
import { writeTransaction } from '~~/server/database/write-transaction'
import { cityDay } from '#shared/utils/dates'
import { invalidFields, isUniqueViolation } from '~~/server/utils/errors'
import { itemViewOf, type Bank } from './bank'

const bankItems = (bank: Bank): BankItem[] => [...bank.items.values()].map(i => ({ id: i.id, type: i.type, lookalike: i.lookalike, kind: i.kind }))

export async function createAttempt(db: Kysely<Database>, bank: Bank, quiz: QuizFile, city: string): Promise<AttemptCreated> {
  const drawn = drawItems(bankItems(bank), quiz.rule)
  const id = newId()
  await db.insertInto('quiz_attempts').values({ id, quiz_slug: quiz.slug, city_slug: city, item_ids: JSON.stringify(drawn.map(i => i.id)), created_at: nowIso() }).execute()
  return { attemptId: id, quiz: quiz.slug, items: drawn.map(i => itemViewOf(bank.items.get(i.id)!)) }
}

async function attemptOf(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('quiz_attempts').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw createError({ statusCode: 404, message: 'No such quiz attempt' })
  return { ...row, itemIds: JSON.parse(row.item_ids) as string[] }
}

const flagsOf = (item: QuizItemFile, tapped?: Set<string>) =>
  item.screen.parts.filter(p => p.flag).map(p => ({ part: p.id, name: p.flag!, ...(tapped ? { found: tapped.has(p.id) } : {}) }))

/** What the resident is told, from the stored answer: the same on a reload as when it was given. */
function feedbackFor(item: QuizItemFile, row: QuizAnswersTable, tapped?: Set<string>): AnswerResult {
  const isScam = item.type !== 'genuine'
  const waiting = (item.kind === 'flags' && row.flags_found === null) ? 'flags' : (item.kind === 'action' && row.option_correct === null) ? 'action' : null
  const base = { isScam, next: waiting } as AnswerResult['feedback']
  if (waiting === 'action' || item.kind === 'action') {
    base.question = item.question
    base.options = item.options!.map(o => o.text)
  }
  if (!waiting) {
    base.explain = item.explain
    base.todo = item.todo
    if (isScam) base.flags = flagsOf(item, item.kind === 'flags' ? tapped : undefined)
    if (item.kind === 'flags') base.falseTaps = row.false_taps ?? 0
    if (item.kind === 'action') base.answer = item.answer
  }
  // The last step answered decides: the option chosen, all flags found without a false tap, or the judgement.
  const correct = row.option_correct !== null ? !!row.option_correct : row.flags_found !== null ? row.flags_found === row.flags_total && row.false_taps === 0 : !!row.correct
  return { correct, feedback: base }
}

/** Checks one answer on the server: the key never left it. A judgement comes first and only once. */
export async function answerItem(db: Kysely<Database>, bank: Bank, attemptId: string, body: AnswerBody): Promise<AnswerResult> {
  const attempt = await attemptOf(db, attemptId)
  if (!attempt.itemIds.includes(body.itemId)) throw invalidFields({ itemId: ['This item is not in this attempt'] })
  const item = bank.items.get(body.itemId)!
  const existing = await db.selectFrom('quiz_answers').selectAll().where('attempt_id', '=', attemptId).where('item_id', '=', body.itemId).executeTakeFirst()
  const answer = body.answer
  if ('verdict' in answer) {
    if (existing) throw createError({ statusCode: 409, message: 'This item is already answered', data: { reason: 'answered' } })
    const isScam = item.type !== 'genuine'
    const row: QuizAnswersTable = {
      attempt_id: attemptId, item_id: item.id, item_type: item.type, lookalike: item.lookalike ?? null, kind: item.kind,
      verdict: answer.verdict, correct: (answer.verdict === 'scam') === isScam ? 1 : 0,
      flags_found: null, flags_total: null, false_taps: null, option_correct: null, answered_at: nowIso(),
    }
    try {
      // The daily count the statistics read moves in the same transaction as the answer it counts.
      await writeTransaction(db, async (trx) => {
        await trx.insertInto('quiz_answers').values(row).execute()
        await trx.insertInto('quiz_answer_days')
          .values({ city_slug: attempt.city_slug, day: cityDay(attempt.created_at), item_type: row.item_type, lookalike: row.lookalike ?? '', verdict: row.verdict, answers: 1 })
          .onConflict(oc => oc.columns(['city_slug', 'day', 'item_type', 'lookalike', 'verdict']).doUpdateSet(eb => ({ answers: eb('quiz_answer_days.answers', '+', 1) })))
          .execute()
      })
    }
    catch (error) {
      if (isUniqueViolation(error)) throw createError({ statusCode: 409, message: 'This item is already answered', data: { reason: 'answered' } })
      throw error
    }
    return feedbackFor(item, row)
  }
  if (!existing) throw createError({ statusCode: 409, message: 'Say first whether it is a scam', data: { reason: 'judge-first' } })
  if ('flags' in answer) {
    if (item.kind !== 'flags') throw invalidFields({ answer: ['This item does not ask for red flags'] })
    if (existing.flags_found !== null) throw createError({ statusCode: 409, message: 'This item is already answered', data: { reason: 'answered' } })
    const parts = new Set(item.screen.parts.map(p => p.id))
    if (answer.flags.some(f => !parts.has(f))) throw invalidFields({ answer: ['A tapped part is not on this screen'] })
    const tapped = new Set(answer.flags)
    const flagged = new Set(item.screen.parts.filter(p => p.flag).map(p => p.id))
    const found = [...tapped].filter(p => flagged.has(p)).length
    const falseTaps = tapped.size - found
    const updated = await db.updateTable('quiz_answers').set({ flags_found: found, flags_total: flagged.size, false_taps: falseTaps })
      .where('attempt_id', '=', attemptId).where('item_id', '=', item.id).where('flags_found', 'is', null).executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw createError({ statusCode: 409, message: 'This item is already answered', data: { reason: 'answered' } })
    return feedbackFor(item, { ...existing, flags_found: found, flags_total: flagged.size, false_taps: falseTaps }, tapped)
  }
  if (item.kind !== 'action') throw invalidFields({ answer: ['This item does not ask what you would do'] })
  if (answer.option >= item.options!.length) throw invalidFields({ answer: ['No such option'] })
  if (existing.option_correct !== null) throw createError({ statusCode: 409, message: 'This item is already answered', data: { reason: 'answered' } })
  const optionCorrect = answer.option === item.answer ? 1 : 0
  const updated = await db.updateTable('quiz_answers').set({ option_correct: optionCorrect })
    .where('attempt_id', '=', attemptId).where('item_id', '=', item.id).where('option_correct', 'is', null).executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) throw createError({ statusCode: 409, message: 'This item is already answered', data: { reason: 'answered' } })
  return feedbackFor(item, { ...existing, option_correct: optionCorrect })
}

export async function attemptState(db: Kysely<Database>, bank: Bank, attemptId: string): Promise<AttemptState> {
  const attempt = await attemptOf(db, attemptId)
  const rows = await db.selectFrom('quiz_answers').selectAll().where('attempt_id', '=', attemptId).execute()
  const byItem = new Map(rows.map(r => [r.item_id, r]))
  return {
    attemptId, quiz: attempt.quiz_slug,
    items: attempt.itemIds.map(id => itemViewOf(bank.items.get(id)!)),
    answered: attempt.itemIds.filter(id => byItem.has(id)).map(id => ({ itemId: id, verdict: byItem.get(id)!.verdict, result: feedbackFor(bank.items.get(id)!, byItem.get(id)!) })),
  }
}

export async function attemptResult(db: Kysely<Database>, attemptId: string): Promise<AttemptResult> {
  const attempt = await attemptOf(db, attemptId)
  const rows = await db.selectFrom('quiz_answers').selectAll().where('attempt_id', '=', attemptId).execute()
  const scams = rows.filter(r => r.item_type !== 'genuine')
  const genuine = rows.filter(r => r.item_type === 'genuine')
  const tally = {
    hits: scams.filter(r => r.verdict === 'scam').length,
    misses: scams.filter(r => r.verdict === 'genuine').length,
    falseAlarms: genuine.filter(r => r.verdict === 'scam').length,
    correctRejections: genuine.filter(r => r.verdict === 'genuine').length,
  }
  const { dPrime, criterion } = sensitivity(tally)
  const types = [...new Set(scams.map(r => r.item_type as FraudType))]
  return {
    quiz: attempt.quiz_slug, total: attempt.itemIds.length, answered: rows.length, ...tally, dPrime, criterion, leaning: leaning(criterion),
    flagsFound: rows.reduce((n, r) => n + (r.flags_found ?? 0), 0),
    flagsTotal: rows.reduce((n, r) => n + (r.flags_total ?? 0), 0),
    falseTaps: rows.reduce((n, r) => n + (r.false_taps ?? 0), 0),
    byType: types.map((type) => {
      const of = scams.filter(r => r.item_type === type)
      return { type, scams: of.length, caught: of.filter(r => r.verdict === 'scam').length, review: reviewLessons[type] }
    }).sort((a, b) => (a.caught / a.scams) - (b.caught / b.scams) || a.type.localeCompare(b.type)),
  }
}
