import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { fraudTypes } from '#shared/quizzes/vocabulary'
import type { QuizFigures } from '#shared/quizzes/views'
import type { Database } from '~~/server/database/schema'
import { leaning, sensitivity } from '#shared/quizzes/scoring'

const rate = (n: number, d: number) => (d > 0 ? n / d : null)

/** Catch rate per fraud type (scams called scams) and false-alarm rate (its genuine look-alikes called scams), and per item. */
export async function quizFigures(db: Kysely<Database>, city: string): Promise<QuizFigures> {
  const answers = db.selectFrom('quiz_answers as a').innerJoin('quiz_attempts as t', 't.id', 'a.attempt_id').where('t.city_slug', '=', city)
  const [attempts, byType, byItem] = await Promise.all([
    db.selectFrom('quiz_attempts').select(sql<number>`count(*)`.as('n')).where('city_slug', '=', city).executeTakeFirstOrThrow(),
    answers.select(['a.item_type', 'a.lookalike', sql<number>`count(*)`.as('shown'), sql<number>`sum(case when a.verdict = 'scam' then 1 else 0 end)`.as('called')])
      .groupBy(['a.item_type', 'a.lookalike']).execute(),
    answers.select(['a.item_id', 'a.item_type', sql<number>`count(*)`.as('shown'), sql<number>`sum(a.correct)`.as('right')]).groupBy(['a.item_id', 'a.item_type']).execute(),
  ])
  const sum = (rows: typeof byType, key: 'shown' | 'called') => rows.reduce((n, r) => n + Number(r[key]), 0)
  const scams = byType.filter(r => r.item_type !== 'genuine')
  const genuine = byType.filter(r => r.item_type === 'genuine')
  const tally = { hits: sum(scams, 'called'), misses: sum(scams, 'shown') - sum(scams, 'called'), falseAlarms: sum(genuine, 'called'), correctRejections: sum(genuine, 'shown') - sum(genuine, 'called') }
  const pooled = sensitivity(tally)
  return {
    attempts: Number(attempts.n),
    overall: byType.length ? { dPrime: pooled.dPrime, criterion: pooled.criterion, leaning: leaning(pooled.criterion) } : null,
    byType: fraudTypes.map((type) => {
      const scam = byType.filter(r => r.item_type === type)
      const genuine = byType.filter(r => r.item_type === 'genuine' && r.lookalike === type)
      const shown = scam.reduce((n, r) => n + Number(r.shown), 0)
      const genuineShown = genuine.reduce((n, r) => n + Number(r.shown), 0)
      return {
        type, shown, catchRate: rate(scam.reduce((n, r) => n + Number(r.called), 0), shown),
        genuineShown, falseAlarmRate: rate(genuine.reduce((n, r) => n + Number(r.called), 0), genuineShown),
      }
    }).sort((a, b) => (a.catchRate ?? 2) - (b.catchRate ?? 2)),
    byItem: byItem.map(r => ({ id: r.item_id, type: r.item_type, shown: Number(r.shown), correctRate: rate(Number(r.right), Number(r.shown)) }))
      .sort((a, b) => (a.correctRate ?? 2) - (b.correctRate ?? 2)),
  }
}
