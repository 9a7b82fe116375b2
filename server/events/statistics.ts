import { sql } from 'kysely'
import { ageGroups, eventAudiences, eventCategories, eventFormats } from '#shared/events/vocabulary'
import type { LocalizedText } from '#shared/primitives'
import type { StatisticsSection } from '#shared/statistics/views'
import { cityDay } from '#shared/utils/dates'
import { cellScope, yearsOf, type SectionBuilder, type StatisticsContext } from '~~/server/statistics/context'
import { vocabularyLabel } from '~~/server/statistics/labels'
import { CountSystem } from '~~/server/statistics/system'
import { plainColumn, protectedColumn, rateColumn, table, TOTAL, type Label } from '~~/server/statistics/tables'

/** Resident measures, counts over registrations (waitlist: bookings, the rest places); in every slice places = held + upcoming and held = attended + no-show. */
const MEASURES = ['bookings', 'places', 'held', 'attended', 'noshow', 'upcoming', 'waitlist'] as const
type Measure = typeof MEASURES[number]
const PARTITIONS = ['district', 'day', 'category', 'format'] as const
type Partition = typeof PARTITIONS[number]
const UNKNOWN_AGE = 'not-given'

interface EventFacts { id: string, district: string, day: string, category: string, format: string, audiences: string[], capacity: number, ended: boolean }

const key = (m: Measure, filter: string) => `${m}|${filter}`
const audienceSet = (e: EventFacts) => [...e.audiences].sort().join('+')
const t = (zh: string, en: string): LocalizedText => ({ zh, en })

const LABELS = {
  events: t('活动场次', 'Events held'),
  offered: t('提供名额', 'Places offered'),
  bookings: t('报名次数', 'Bookings'),
  places: t('报名人数（含同来的家人）', 'People booked (family included)'),
  attended: t('到场人数', 'Attended'),
  noshow: t('报名未到', 'Did not come'),
  upcoming: t('尚未举行', 'Still to come'),
  noshowRate: t('未到率', 'No-show rate'),
  waitlist: t('候补未满足（组）', 'Waiting list not served (bookings)'),
}

async function eventRows(ctx: StatisticsContext) {
  const events = await ctx.db.selectFrom('events').select(['id', 'district_code', 'starts_at', 'ends_at', 'category', 'format', 'audience', 'capacity'])
    .where('city_slug', '=', ctx.city.slug).where('status', '=', 'published')
    .where('starts_at', '>=', ctx.fromIso).where('starts_at', '<', ctx.toIso).execute()
  const now = ctx.now.toISOString()
  return events.map((e): EventFacts => ({
    id: e.id, district: e.district_code, day: cityDay(e.starts_at), category: e.category, format: e.format,
    audiences: e.audience.split(',').filter(Boolean), capacity: e.capacity, ended: e.ends_at <= now,
  }))
}

/**
 * One pass over the year's registrations, grouped in the database in the order of the covering
 * index of 0011 (event, status, age group), so no sort: the events as an IN list, not a join, and
 * check-ins summed rather than grouped on.
 */
async function registrationGroups(ctx: StatisticsContext) {
  const events = ctx.db.selectFrom('events').select('id').where('city_slug', '=', ctx.city.slug).where('status', '=', 'published')
    .where('starts_at', '>=', ctx.fromIso).where('starts_at', '<', ctx.toIso)
  return ctx.db.selectFrom('registrations as r')
    .select(['r.event_id', 'r.status', 'r.age_group', sql<number>`count(*)`.as('n'), sql<number>`sum(r.party_size)`.as('places'),
      sql<number>`sum(case when r.checked_in_at is null then 0 else r.party_size end)`.as('checked')])
    .where('r.event_id', 'in', events).where('r.status', 'in', ['confirmed', 'waitlisted'])
    .groupBy(['r.event_id', 'r.status', 'r.age_group']).execute()
}

async function build(ctx: StatisticsContext): Promise<StatisticsSection> {
  const [events, groups, districts] = await Promise.all([
    eventRows(ctx), registrationGroups(ctx),
    ctx.db.selectFrom('districts').select(['code', 'name_zh', 'name_en']).where('city_slug', '=', ctx.city.slug).orderBy('sort_order').execute(),
  ])
  const byId = new Map(events.map(e => [e.id, e]))
  const days = [...new Set(events.map(e => e.day))].sort()
  const rowsOf: Record<Partition, Label[]> = {
    district: districts.map(d => ({ key: d.code, label: { zh: d.name_zh, en: d.name_en } })),
    day: days.map(d => ({ key: d, label: { zh: d, en: d } })),
    category: eventCategories.map(c => ({ key: c, label: vocabularyLabel('categories', c) })),
    format: eventFormats.map(f => ({ key: f, label: vocabularyLabel('formats', f) })),
  }
  const ages: Label[] = [...ageGroups.map(a => ({ key: a, label: vocabularyLabel('ageGroups', a) })), { key: UNKNOWN_AGE, label: vocabularyLabel('ageGroups', 'preferNotToSay') }]
  const audiences: Label[] = eventAudiences.map(a => ({ key: a, label: vocabularyLabel('audiences', a) }))

  // Exact sums per filter, then into the system; nothing exact leaves this function.
  const sums = new Map<string, number>()
  const add = (k: string, v: number) => sums.set(k, (sums.get(k) ?? 0) + v)
  // Each group adds to its event's filters and to its age's; summed per event and per (district, age) first,
  // then each event's totals into its own filters once (the same sums, far fewer map updates).
  const perEvent = new Map<string, number[]>()
  const perAge = new Map<string, number[]>()
  const into = (sets: Map<string, number[]>, k: string, m: number, v: number) => {
    const set = sets.get(k) ?? sets.set(k, MEASURES.map(() => 0)).get(k)!
    set[m]! += v
  }
  const at = Object.fromEntries(MEASURES.map((m, i) => [m, i])) as Record<Measure, number>
  for (const g of groups) {
    const e = byId.get(g.event_id)
    if (!e) continue
    const ageFilter = `district=${e.district}|age=${g.age_group ?? UNKNOWN_AGE}`
    const places = Number(g.places)
    const checked = Number(g.checked)
    const both = (m: Measure, v: number) => {
      into(perEvent, e.id, at[m], v)
      into(perAge, ageFilter, at[m], v)
    }
    if (g.status === 'waitlisted') {
      // Counted as bookings (parties), the number each full event shows as waiting.
      both('waitlist', Number(g.n))
      continue
    }
    both('bookings', Number(g.n))
    both('places', places)
    both('attended', checked)
    both(e.ended ? 'noshow' : 'upcoming', places - checked)
    both('held', e.ended ? places : checked)
  }
  for (const [filter, set] of perAge) {
    const age = filter.slice(filter.indexOf('|') + 1)
    MEASURES.forEach((m, i) => {
      add(key(m, filter), set[i]!)
      add(key(m, age), set[i]!)
    })
  }
  for (const [id, set] of perEvent) {
    const e = byId.get(id)!
    const filters = [TOTAL, ...PARTITIONS.map(p => `${p}=${e[p]}`), ...e.audiences.map(a => `audience=${a}`), `audiences=${audienceSet(e)}`]
    MEASURES.forEach((m, i) => {
      for (const f of filters) add(key(m, f), set[i]!)
    })
  }
  const system = new CountSystem(cellScope(ctx, 'events'))
  const filters = [TOTAL, ...PARTITIONS.flatMap(p => rowsOf[p].map(r => `${p}=${r.key}`)), ...audiences.map(a => `audience=${a.key}`),
    ...ages.map(a => `age=${a.key}`), ...districts.flatMap(d => ages.map(a => `district=${d.code}|age=${a.key}`))]
  // Places booked on an event (its places less its places left) and the bookings waiting (shown on a full
  // event) are public, and so are their sums by the event's district, day, area, audience or format:
  // shown exactly. By age group they are not.
  const disclosure = (m: Measure, f: string) => ((m === 'places' || m === 'waitlist') && !f.includes('age=') ? 'public' : 'protected')
  for (const f of filters) for (const m of MEASURES) system.count(key(m, f), sums.get(key(m, f)) ?? 0, disclosure(m, f))
  // Audiences overlap (an event can be for several): the events' exact sets of audiences, never
  // published, check that the audience rows add up with the rest.
  const sets = [...new Set(events.map(audienceSet))]
  for (const set of sets) for (const m of MEASURES) system.count(key(m, `audiences=${set}`), sums.get(key(m, `audiences=${set}`)) ?? 0, 'internal')
  for (const m of MEASURES) {
    system.sum(key(m, TOTAL), sets.map(set => key(m, `audiences=${set}`)))
    for (const a of audiences) system.sum(key(m, `audience=${a.key}`), sets.filter(set => set.split('+').includes(a.key)).map(set => key(m, `audiences=${set}`)))
  }
  for (const f of [...filters, ...sets.map(set => `audiences=${set}`)]) {
    system.sum(key('places', f), [key('held', f), key('upcoming', f)])
    system.sum(key('held', f), [key('attended', f), key('noshow', f)])
  }
  for (const m of MEASURES) {
    for (const p of PARTITIONS) system.sum(key(m, TOTAL), rowsOf[p].map(r => key(m, `${p}=${r.key}`)))
    system.sum(key(m, TOTAL), ages.map(a => key(m, `age=${a.key}`)))
    for (const d of districts) system.sum(key(m, `district=${d.code}`), ages.map(a => key(m, `district=${d.code}|age=${a.key}`)))
    for (const a of ages) system.sum(key(m, `age=${a.key}`), districts.map(d => key(m, `district=${d.code}|age=${a.key}`)))
  }

  // Events and places offered per row, summed once per dimension rather than filtered per cell.
  const plainSums = new Map<string, { events: number, offered: number }>()
  for (const e of events) {
    for (const k of [TOTAL, ...PARTITIONS.map(p => `${p}=${e[p]}`), ...e.audiences.map(a => `audience=${a}`)]) {
      const s = plainSums.get(k) ?? plainSums.set(k, { events: 0, offered: 0 }).get(k)!
      s.events++
      s.offered += e.capacity
    }
  }
  const plain = (measure: 'events' | 'offered', dim: string) => (row: string) => plainSums.get(row === TOTAL ? TOTAL : `${dim}=${row}`)?.[measure] ?? 0
  const filterOf = (dim: string) => (row: string) => (row === TOTAL ? TOTAL : `${dim}=${row}`)
  const measureColumns = (dim: string, withEvents: boolean) => {
    const f = filterOf(dim)
    return [
      ...(withEvents ? [plainColumn('events', LABELS.events, plain('events', dim)), plainColumn('places_offered', LABELS.offered, plain('offered', dim))] : []),
      protectedColumn(system, 'bookings', LABELS.bookings, r => key('bookings', f(r))),
      protectedColumn(system, 'places_booked', LABELS.places, r => key('places', f(r))),
      protectedColumn(system, 'attended', LABELS.attended, r => key('attended', f(r))),
      protectedColumn(system, 'no_show', LABELS.noshow, r => key('noshow', f(r))),
      protectedColumn(system, 'still_to_come', LABELS.upcoming, r => key('upcoming', f(r))),
      rateColumn(system, 'no_show_rate', LABELS.noshowRate, r => key('noshow', f(r)), r => key('held', f(r))),
      protectedColumn(system, 'waitlist_not_served', LABELS.waitlist, r => key('waitlist', f(r))),
    ]
  }
  const measureDim = { key: 'measure', label: t('指标', 'Measure') }
  const byTable = (dim: 'district' | 'day' | 'category' | 'format' | 'audience' | 'age', rows: Label[], title: LocalizedText, description: LocalizedText, chart: 'bar' | 'line') => table({
    id: dim === 'age' ? 'events-by-age-group' : `events-by-${dim}`, title, description,
    rowDimension: { key: dim === 'age' ? 'age_group' : dim, label: DIMENSIONS[dim] }, columnDimension: measureDim, rows,
    columns: measureColumns(dim, dim !== 'age'), totals: dim !== 'audience', chart: { kind: chart, column: 'places_booked' },
  })
  const ageColumn = (a: Label) => a.key.replace(/^(\d)/, 'age_$1').replace(/-/g, '_')
  const crossTab = table({
    id: 'bookings-by-district-and-age-group',
    title: t('各区报名（按报名人年龄段）', 'Bookings by district and age group of the person booking'),
    description: t('每一次报名按活动所在区和报名人填写的年龄段统计；一次报名可以包括几位同行的人。', 'Each booking counted by the district of the event and the age group the person booking gave; one booking can cover several people.'),
    rowDimension: { key: 'district', label: DIMENSIONS.district }, columnDimension: { key: 'age_group', label: DIMENSIONS.age }, rows: rowsOf.district,
    columns: [
      ...ages.map(a => protectedColumn(system, ageColumn(a), a.label, r => key('bookings', r === TOTAL ? `age=${a.key}` : `district=${r}|age=${a.key}`))),
      protectedColumn(system, 'all_ages', t('全部', 'All'), r => key('bookings', r === TOTAL ? TOTAL : `district=${r}`)),
    ],
    totals: true, rowTotal: 'all_ages', chart: { kind: 'bar', column: 'all_ages' },
  })
  const figure = (id: string, label: LocalizedText, value: StatisticsSection['figures'][number]['value'], unit: 'count' | 'percent' = 'count') => ({ id, label, value, unit })
  const offered = events.reduce((n, e) => n + e.capacity, 0)
  return {
    title: t('活动', 'Events'),
    headline: headline(rowsOf.district.map(d => ({ label: d.label, value: system.cell(key('places', `district=${d.key}`)) })), system.cell(key('places', TOTAL))),
    source: t('门户的活动和报名记录：已发布的活动（按开始时间计入年份）及其有效报名和候补；到场以工作人员扫码签到为准。',
      'The portal\'s events and bookings: published events (counted in the year they start), their current bookings and waiting lists; attendance is what staff checked in.'),
    figures: [
      figure('events', LABELS.events, events.length),
      figure('places_offered', LABELS.offered, offered),
      figure('bookings', LABELS.bookings, system.cell(key('bookings', TOTAL))),
      figure('places_booked', LABELS.places, system.cell(key('places', TOTAL))),
      figure('attended', LABELS.attended, system.cell(key('attended', TOTAL))),
      figure('no_show_rate', LABELS.noshowRate, system.rate(key('noshow', TOTAL), key('held', TOTAL)), 'percent'),
      figure('waitlist_not_served', LABELS.waitlist, system.cell(key('waitlist', TOTAL))),
    ],
    tables: [
      byTable('district', rowsOf.district, t('各区的活动和报名', 'Events and bookings by district'), t('按活动所在的区统计。', 'By the district where the event takes place.'), 'bar'),
      byTable('day', rowsOf.day, t('每天的活动和报名', 'Events and bookings by day'), t('按活动开始的日期（北京时间）统计。', 'By the day the event starts (Beijing time).'), 'line'),
      byTable('category', rowsOf.category, t('四个重点领域的活动和报名', 'Events and bookings by focus area'), t('按活动所属的信息消费领域统计。', 'By the area of information consumption the event belongs to.'), 'bar'),
      byTable('audience', audiences, t('面向不同人群的活动和报名', 'Events and bookings by audience'), t('一场活动可以面向几类人群，所以各行相加会多于全市合计，这张表不列合计。', 'An event can be for several audiences, so the rows add up to more than the city total; this table has no totals row.'), 'bar'),
      byTable('format', rowsOf.format, t('现场和线上活动', 'On-site and online events'), t('按参加方式统计。', 'By how people take part.'), 'bar'),
      byTable('age', ages, t('各年龄段的报名和到场', 'Bookings and attendance by age group'), t('按报名人自己填写的年龄段统计（选填）。', 'By the age group the person booking gave (optional).'), 'bar'),
      crossTab,
    ],
  }
}

const DIMENSIONS = {
  district: t('区', 'District'),
  day: t('日期', 'Day'),
  category: t('领域', 'Focus area'),
  audience: t('面向人群', 'Audience'),
  format: t('参加方式', 'Format'),
  age: t('年龄段', 'Age group'),
}

/** "东丽区的报名人数最多，占全市的 18%": from visible cells only, or null when the largest is hidden or the total is. */
function headline(rows: Array<{ label: LocalizedText, value: StatisticsSection['figures'][number]['value'] }>, total: StatisticsSection['figures'][number]['value']): LocalizedText | null {
  const shown = rows.filter((r): r is { label: LocalizedText, value: number } => typeof r.value === 'number')
  if (typeof total !== 'number' || total === 0 || !shown.length) return null
  const top = shown.reduce((a, b) => (b.value > a.value ? b : a))
  // A hidden cell ("c", any size) or a "<10" beside a top under 10 could be the largest: then say nothing.
  if (rows.some(r => r.value === 'c' || (r.value === '<10' && top.value < 10))) return null
  const share = Math.round((100 * top.value) / total)
  return { zh: `${top.label.zh}的报名人数最多，占全市的 ${share}%。`, en: `${top.label.en} has the most places booked: ${share}% of the city's total.` }
}

export const eventsStatistics: SectionBuilder = {
  key: 'events',
  build,
  years: async (db, city) => yearsOf((await db.selectFrom('events').select(sql<string>`min(starts_at)`.as('first')).select(sql<string>`max(starts_at)`.as('last'))
    .where('city_slug', '=', city).where('status', '=', 'published').execute()).flatMap(r => [r.first, r.last]), true),
}
