import { sql } from 'kysely'
import quizEn from '#shared/i18n/en/quizzes.json'
import quizZh from '#shared/i18n/zh-CN/quizzes.json'
import type { LocalizedText } from '#shared/primitives'
import { fraudTypes } from '#shared/quizzes/vocabulary'
import type { StatisticsSection } from '#shared/statistics/views'
import { cellScope, yearsOf, type SectionBuilder, type StatisticsContext } from '~~/server/statistics/context'
import { CountSystem } from '~~/server/statistics/system'
import { protectedColumn, rateColumn, table, TOTAL, type Label } from '~~/server/statistics/tables'
import { quizBank } from './bank'

const t = (zh: string, en: string): LocalizedText => ({ zh, en })
const typeLabel = (type: string): LocalizedText => ({
  zh: (quizZh.quiz.types as Record<string, string>)[type] ?? type,
  en: (quizEn.quiz.types as Record<string, string>)[type] ?? type,
})
const MEASURES = ['scams', 'caught', 'missed', 'genuine', 'alarms', 'trusted'] as const

/** Attempts per quiz; per fraud type the catch rate (scams called scams) and the false-alarm rate (its genuine look-alikes called scams). */
async function build(ctx: StatisticsContext): Promise<StatisticsSection> {
  const attempts = ctx.db.selectFrom('quiz_attempts').where('city_slug', '=', ctx.city.slug)
    .where('created_at', '>=', ctx.fromIso).where('created_at', '<', ctx.toIso)
  const [byQuiz, answers, bank] = await Promise.all([
    attempts.select(['quiz_slug', sql<number>`count(*)`.as('n')]).groupBy('quiz_slug').execute(),
    // Daily counts kept with each answer (0011): the raw join is seconds at a city's scale.
    ctx.db.selectFrom('quiz_answer_days').where('city_slug', '=', ctx.city.slug).where('day', '>=', ctx.from).where('day', '<=', ctx.to)
      .select(['item_type', 'lookalike', 'verdict', sql<number>`sum(answers)`.as('n')]).groupBy(['item_type', 'lookalike', 'verdict']).execute(),
    quizBank(ctx.event),
  ])
  const quizzes: Label[] = bank.quizzes.map(q => ({ key: q.slug, label: q.title }))
  const system = new CountSystem(cellScope(ctx, 'quizzes'))
  const perQuiz = new Map(byQuiz.map(r => [r.quiz_slug, Number(r.n)]))
  for (const q of quizzes) system.count(`attempts|quiz=${q.key}`, perQuiz.get(q.key) ?? 0)
  system.count(`attempts|${TOTAL}`, quizzes.reduce((n, q) => n + (perQuiz.get(q.key) ?? 0), 0))
  system.sum(`attempts|${TOTAL}`, quizzes.map(q => `attempts|quiz=${q.key}`))

  const sums = new Map<string, number>()
  const add = (m: string, type: string, n: number) => {
    for (const f of [TOTAL, `type=${type}`]) sums.set(`${m}|${f}`, (sums.get(`${m}|${f}`) ?? 0) + n)
  }
  for (const a of answers) {
    const genuine = a.item_type === 'genuine'
    const type = genuine ? a.lookalike : a.item_type
    if (!type || !(fraudTypes as readonly string[]).includes(type)) continue
    const scam = a.verdict === 'scam'
    add(genuine ? 'genuine' : 'scams', type, Number(a.n))
    add(genuine ? (scam ? 'alarms' : 'trusted') : (scam ? 'caught' : 'missed'), type, Number(a.n))
  }
  const filters = [TOTAL, ...fraudTypes.map(ft => `type=${ft}`)]
  for (const f of filters) for (const m of MEASURES) system.count(`${m}|${f}`, sums.get(`${m}|${f}`) ?? 0)
  for (const f of filters) {
    system.sum(`scams|${f}`, [`caught|${f}`, `missed|${f}`])
    system.sum(`genuine|${f}`, [`alarms|${f}`, `trusted|${f}`])
  }
  for (const m of MEASURES) system.sum(`${m}|${TOTAL}`, fraudTypes.map(ft => `${m}|type=${ft}`))

  const f = (r: string) => (r === TOTAL ? TOTAL : `type=${r}`)
  const catchRate = (r: string) => system.rate(`caught|${f(r)}`, `scams|${f(r)}`)
  // The scams residents miss most first: lowest visible catch rate, withheld ones last.
  const types = fraudTypes.map(ft => ({ key: ft, label: typeLabel(ft), rate: catchRate(ft) }))
    .sort((a, b) => (typeof a.rate === 'number' ? a.rate : 101) - (typeof b.rate === 'number' ? b.rate : 101))
  const worst = types.find(x => typeof x.rate === 'number')
  return {
    title: t('防诈骗测一测', 'Anti-fraud quiz'),
    headline: worst ? { zh: `居民最容易漏看的是“${worst.label.zh}”：只有 ${worst.rate}% 的答题认出了这类骗局。`, en: `The scam residents miss most is "${worst.label.en}": only ${worst.rate}% of answers spotted it.` } : null,
    source: t('匿名答题记录：每次答题抽到哪些题、每题判断为骗局还是正常，不记录答题人。', 'Anonymous quiz attempts: the items drawn and whether each was judged a scam or genuine; nothing about who answered.'),
    figures: [
      { id: 'attempts', label: t('答题次数', 'Attempts'), value: system.cell(`attempts|${TOTAL}`), unit: 'count' },
      { id: 'catch_rate', label: t('认出骗局的比例', 'Scams spotted'), value: catchRate(TOTAL), unit: 'percent' },
      { id: 'false_alarm_rate', label: t('把正常信息当成骗局的比例', 'Genuine messages taken for scams'), value: system.rate(`alarms|${TOTAL}`, `genuine|${TOTAL}`), unit: 'percent' },
    ],
    tables: [
      table({
        id: 'quiz-by-fraud-type', title: t('各类骗局认出了多少', 'How often each kind of scam was spotted'),
        description: t('按骗局类型统计：骗局题被认出（判断为骗局）的比例，以及和它相似的正常信息被误当成骗局的比例。最容易漏看的排在最前。', 'By fraud type: how often its scam items were called scams (caught), and how often genuine look-alikes were wrongly called scams (false alarms). The most-missed first.'),
        rowDimension: { key: 'fraud_type', label: t('骗局类型', 'Fraud type') }, columnDimension: { key: 'measure', label: t('指标', 'Measure') }, rows: types,
        columns: [
          protectedColumn(system, 'scam_answers', t('骗局题答题数', 'Scam items answered'), r => `scams|${f(r)}`),
          protectedColumn(system, 'caught', t('认出', 'Caught'), r => `caught|${f(r)}`),
          protectedColumn(system, 'missed', t('漏看', 'Missed'), r => `missed|${f(r)}`),
          rateColumn(system, 'catch_rate', t('认出的比例', 'Catch rate'), r => `caught|${f(r)}`, r => `scams|${f(r)}`),
          protectedColumn(system, 'genuine_answers', t('相似正常信息答题数', 'Genuine look-alikes answered'), r => `genuine|${f(r)}`),
          protectedColumn(system, 'false_alarms', t('误当成骗局', 'False alarms'), r => `alarms|${f(r)}`),
          rateColumn(system, 'false_alarm_rate', t('误判的比例', 'False-alarm rate'), r => `alarms|${f(r)}`, r => `genuine|${f(r)}`),
        ],
        totals: true, chart: { kind: 'bar', column: 'catch_rate' },
      }),
      table({
        id: 'quiz-attempts-by-quiz', title: t('各套测试的答题次数', 'Attempts by quiz'), description: t('每套测试被开始答题的次数。', 'How many times each quiz was started.'),
        rowDimension: { key: 'quiz', label: t('测试', 'Quiz') }, columnDimension: { key: 'measure', label: t('指标', 'Measure') }, rows: quizzes,
        columns: [protectedColumn(system, 'attempts', t('答题次数', 'Attempts'), r => `attempts|${r === TOTAL ? TOTAL : `quiz=${r}`}`)],
        totals: true, chart: { kind: 'bar', column: 'attempts' },
      }),
    ],
  }
}

export const quizStatistics: SectionBuilder = {
  key: 'quizzes',
  build,
  years: async (db, city) => {
    const r = await db.selectFrom('quiz_attempts').where('city_slug', '=', city).select(({ fn }) => [fn.min('created_at').as('first'), fn.max('created_at').as('last')]).executeTakeFirst()
    return yearsOf([r?.first, r?.last], true)
  },
}
