import { sql } from 'kysely'
import { eventAudiences, eventCategories } from '#shared/events/vocabulary'
import type { LocalizedText } from '#shared/primitives'
import type { StatisticsSection } from '#shared/statistics/views'
import { cellScope, yearsOf, type SectionBuilder, type StatisticsContext } from '~~/server/statistics/context'
import { vocabularyLabel } from '~~/server/statistics/labels'
import { CountSystem } from '~~/server/statistics/system'
import { protectedColumn, rateColumn, table, TOTAL, type Label } from '~~/server/statistics/tables'

/** Answers; of them, satisfied (4 or 5 of 5) and not; and "learned something usable" (yes). */
const MEASURES = ['answers', 'satisfied', 'unsatisfied', 'learned'] as const
const t = (zh: string, en: string): LocalizedText => ({ zh, en })
const key = (m: typeof MEASURES[number], filter: string) => `${m}|${filter}`

/**
 * The week's evaluation (统计监测和评价): residents' answers after the events they came to, by the
 * event's district, category and audience. Every count is about residents, so every count is
 * protected; the sums over districts and over categories tie to the total, and satisfied plus not
 * satisfied to the answers, so no table can average another's change away.
 */
async function build(ctx: StatisticsContext): Promise<StatisticsSection> {
  const [groups, districts] = await Promise.all([
    ctx.db.selectFrom('event_feedback as f').innerJoin('events as e', 'e.id', 'f.event_id')
      .where('e.city_slug', '=', ctx.city.slug).where('e.starts_at', '>=', ctx.fromIso).where('e.starts_at', '<', ctx.toIso)
      .select(['e.district_code', 'e.category', 'e.audience', sql<number>`count(*)`.as('n'),
        sql<number>`sum(case when f.overall >= 4 then 1 else 0 end)`.as('satisfied'), sql<number>`sum(case when f.learned = 'yes' then 1 else 0 end)`.as('learned')])
      .groupBy(['e.district_code', 'e.category', 'e.audience']).execute(),
    ctx.db.selectFrom('districts').select(['code', 'name_zh', 'name_en']).where('city_slug', '=', ctx.city.slug).orderBy('sort_order').execute(),
  ])
  const rows = {
    district: districts.map((d): Label => ({ key: d.code, label: { zh: d.name_zh, en: d.name_en } })),
    category: eventCategories.map((c): Label => ({ key: c, label: vocabularyLabel('categories', c) })),
    audience: eventAudiences.map((a): Label => ({ key: a, label: vocabularyLabel('audiences', a) })),
  }
  const sums = new Map<string, number>()
  const add = (filter: string, m: typeof MEASURES[number], n: number) => sums.set(key(m, filter), (sums.get(key(m, filter)) ?? 0) + n)
  for (const g of groups) {
    const n = Number(g.n)
    const satisfied = Number(g.satisfied)
    const filters = [TOTAL, `district=${g.district_code}`, `category=${g.category}`, ...g.audience.split(',').filter(Boolean).map(a => `audience=${a}`)]
    for (const f of filters) {
      add(f, 'answers', n)
      add(f, 'satisfied', satisfied)
      add(f, 'unsatisfied', n - satisfied)
      add(f, 'learned', Number(g.learned))
    }
  }
  const system = new CountSystem(cellScope(ctx, 'feedback'))
  const filters = [TOTAL, ...rows.district.map(d => `district=${d.key}`), ...rows.category.map(c => `category=${c.key}`), ...rows.audience.map(a => `audience=${a.key}`)]
  for (const f of filters) for (const m of MEASURES) system.count(key(m, f), sums.get(key(m, f)) ?? 0)
  for (const f of filters) system.sum(key('answers', f), [key('satisfied', f), key('unsatisfied', f)])
  for (const m of MEASURES) {
    system.sum(key(m, TOTAL), rows.district.map(d => key(m, `district=${d.key}`)))
    system.sum(key(m, TOTAL), rows.category.map(c => key(m, `category=${c.key}`)))
  }

  const dimension = { district: t('区', 'District'), category: t('活动类别', 'Category'), audience: t('面向人群', 'Audience') }
  const byTable = (dim: keyof typeof rows, description: LocalizedText) => table({
    id: `feedback-by-${dim}`,
    title: { zh: `按${dimension[dim].zh}的居民评价`, en: `Residents' feedback by ${dimension[dim].en.toLowerCase()}` },
    description,
    rowDimension: { key: dim, label: dimension[dim] }, columnDimension: { key: 'measure', label: t('指标', 'Measure') }, rows: rows[dim],
    columns: [
      protectedColumn(system, 'answers', t('评价份数', 'Answers'), r => key('answers', r === TOTAL ? TOTAL : `${dim}=${r}`)),
      rateColumn(system, 'satisfied_rate', t('满意的比例', 'Satisfied'), r => key('satisfied', r === TOTAL ? TOTAL : `${dim}=${r}`), r => key('answers', r === TOTAL ? TOTAL : `${dim}=${r}`)),
      rateColumn(system, 'learned_rate', t('学到了能用的东西', 'Learned something usable'), r => key('learned', r === TOTAL ? TOTAL : `${dim}=${r}`), r => key('answers', r === TOTAL ? TOTAL : `${dim}=${r}`)),
    ],
    totals: dim !== 'audience', chart: { kind: 'bar', column: 'answers' },
  })
  const satisfied = system.rate(key('satisfied', TOTAL), key('answers', TOTAL))
  return {
    title: t('居民评价', 'Residents\' feedback'),
    headline: typeof satisfied === 'number'
      ? { zh: `参加活动的居民中，${satisfied}% 的评价是满意或很满意。`, en: `${satisfied}% of residents' answers after an event were happy or very happy.` }
      : null,
    source: t('居民签到后收到的评价（每个报名一份）和工作人员录入的纸质评价表，按活动开始时间计入年份；满意指 5 分中的 4 分或 5 分。留言不公开。',
      'Answers residents gave after checking in (one per booking) and paper forms typed in by staff, counted in the year the event starts; satisfied means 4 or 5 out of 5. Comments are never published.'),
    figures: [
      { id: 'feedback_answers', label: t('评价份数', 'Answers'), value: system.cell(key('answers', TOTAL)), unit: 'count' },
      { id: 'satisfied_rate', label: t('满意的比例', 'Satisfied'), value: satisfied, unit: 'percent' },
      { id: 'learned_rate', label: t('学到了能用的东西', 'Learned something usable'), value: system.rate(key('learned', TOTAL), key('answers', TOTAL)), unit: 'percent' },
    ],
    tables: [
      byTable('district', t('按活动所在的区统计。', 'By the district where the event took place.')),
      byTable('category', t('按活动类别统计。', 'By the event\'s category.')),
      byTable('audience', t('按活动面向的人群统计；一个活动可以面向几类人，所以各行相加不等于合计。', 'By the audiences the event was for; an event can be for several, so the rows do not add up to a total.')),
    ],
  }
}

export const feedbackStatistics: SectionBuilder = {
  key: 'feedback',
  build,
  years: async (db, city) => yearsOf((await db.selectFrom('event_feedback as f').innerJoin('events as e', 'e.id', 'f.event_id').where('e.city_slug', '=', city)
    .select(sql<string>`min(e.starts_at)`.as('first')).select(sql<string>`max(e.starts_at)`.as('last')).execute()).flatMap(r => [r.first, r.last]), true),
}
