import { sql } from 'kysely'
import type { LocalizedText } from '#shared/primitives'
import type { StatisticsSection } from '#shared/statistics/views'
import { cellScope, yearsOf, type SectionBuilder, type StatisticsContext } from '~~/server/statistics/context'
import { CountSystem } from '~~/server/statistics/system'
import { protectedColumn, table, TOTAL, type Label } from '~~/server/statistics/tables'

/** Bookings a helper made; people on them; by how the resident agreed; those for a resident without a mobile. */
const MEASURES = ['bookings', 'places', 'present', 'phone', 'noMobile'] as const
type Measure = typeof MEASURES[number]
const t = (zh: string, en: string): LocalizedText => ({ zh, en })
const key = (m: Measure, filter: string) => `${m}|${filter}`

/**
 * Bookings helpers (协助人员) made for residents, by the event's district: every booking made, whatever became
 * of it, in the year its event starts. All about residents, so all protected; the districts sum to the total and
 * "in person" plus "on the phone" to the bookings, so no table averages another's change away. Who helped whom is
 * never published: no helper, organisation or resident appears.
 */
async function build(ctx: StatisticsContext): Promise<StatisticsSection> {
  const [groups, districts] = await Promise.all([
    ctx.db.selectFrom('assisted_registrations as a')
      .innerJoin('registrations as r', 'r.id', 'a.registration_id')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .where('e.city_slug', '=', ctx.city.slug).where('e.starts_at', '>=', ctx.fromIso).where('e.starts_at', '<', ctx.toIso)
      .select(['e.district_code', 'a.consent', 'a.contact', sql<number>`count(*)`.as('n'), sql<number>`sum(r.party_size)`.as('places')])
      .groupBy(['e.district_code', 'a.consent', 'a.contact']).execute(),
    ctx.db.selectFrom('districts').select(['code', 'name_zh', 'name_en']).where('city_slug', '=', ctx.city.slug).orderBy('sort_order').execute(),
  ])
  const rows = districts.map((d): Label => ({ key: d.code, label: { zh: d.name_zh, en: d.name_en } }))
  const sums = new Map<string, number>()
  const add = (m: Measure, filter: string, n: number) => sums.set(key(m, filter), (sums.get(key(m, filter)) ?? 0) + n)
  for (const g of groups) {
    const n = Number(g.n)
    for (const f of [TOTAL, g.district_code]) {
      add('bookings', f, n)
      add('places', f, Number(g.places))
      add(g.consent === 'phone' ? 'phone' : 'present', f, n)
      if (g.contact !== 'mobile') add('noMobile', f, n)
    }
  }
  const system = new CountSystem(cellScope(ctx, 'assisted'))
  const filters = [TOTAL, ...rows.map(r => r.key)]
  for (const f of filters) for (const m of MEASURES) system.count(key(m, f), sums.get(key(m, f)) ?? 0)
  for (const f of filters) system.sum(key('bookings', f), [key('present', f), key('phone', f)])
  for (const m of MEASURES) system.sum(key(m, TOTAL), rows.map(r => key(m, r.key)))

  const column = (m: Measure, label: LocalizedText) => protectedColumn(system, m === 'noMobile' ? 'no_mobile' : m, label, r => key(m, r))
  const bookings = system.cell(key('bookings', TOTAL))
  return {
    title: t('协助报名', 'Bookings made by helpers'),
    headline: typeof bookings === 'number' && bookings > 0
      ? { zh: `协助人员替居民报名 ${bookings} 次，都经过居民本人同意。`, en: `Helpers booked ${bookings} times for residents, each time with the resident's consent.` }
      : null,
    source: t('服务站工作人员、志愿者和热线接线员（协助人员）经居民本人同意后替居民报的名，按活动开始时间计入年份、按活动所在的区统计；之后取消的也算在内。不公布是谁替谁报的名。',
      'Bookings that station staff, volunteers and hotline operators (helpers) made for residents with their consent, counted in the year the event starts and by the event\'s district, including those later cancelled. Who booked for whom is never published.'),
    figures: [
      { id: 'assisted_bookings', label: t('协助报名次数', 'Bookings made by helpers'), value: bookings, unit: 'count' },
      { id: 'assisted_no_mobile', label: t('为没有手机的居民报名', 'For residents without a mobile'), value: system.cell(key('noMobile', TOTAL)), unit: 'count' },
    ],
    tables: [table({
      id: 'assisted-by-district',
      title: t('按区的协助报名', 'Bookings made by helpers, by district'),
      description: t('按活动所在的区统计；“当面同意”和“电话中同意”相加等于协助报名次数。', 'By the district where the event takes place; "agreed in person" and "agreed on the phone" add up to the bookings.'),
      rowDimension: { key: 'district', label: t('区', 'District') }, columnDimension: { key: 'measure', label: t('指标', 'Measure') }, rows,
      columns: [
        column('bookings', t('协助报名次数', 'Bookings')),
        column('places', t('报名人数（含同来的家人）', 'People booked (family included)')),
        column('present', t('当面同意', 'Agreed in person')),
        column('phone', t('电话中同意', 'Agreed on the phone')),
        column('noMobile', t('居民没有手机', 'Resident has no mobile')),
      ],
      totals: true, chart: { kind: 'bar', column: 'bookings' },
    })],
  }
}

export const assistedStatistics: SectionBuilder = {
  key: 'assisted',
  build,
  years: async (db, city) => yearsOf((await db.selectFrom('assisted_registrations as a').innerJoin('registrations as r', 'r.id', 'a.registration_id')
    .innerJoin('events as e', 'e.id', 'r.event_id').where('e.city_slug', '=', city)
    .select(sql<string>`min(e.starts_at)`.as('first')).select(sql<string>`max(e.starts_at)`.as('last')).execute()).flatMap(r => [r.first, r.last]), true),
}
