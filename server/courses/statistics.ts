import type { LocalizedText } from '#shared/primitives'
import type { StatisticsSection } from '#shared/statistics/views'
import { cellScope, yearsOf, type SectionBuilder, type StatisticsContext } from '~~/server/statistics/context'
import { CountSystem } from '~~/server/statistics/system'
import { protectedColumn, rateColumn, table, TOTAL, type Label } from '~~/server/statistics/tables'
import { courseCatalogue } from './catalogue'

const t = (zh: string, en: string): LocalizedText => ({ zh, en })
const LABELS = {
  starts: t('开始学习', 'Lesson starts'),
  completions: t('学完', 'Lessons finished'),
  rate: t('学完的比例', 'Finished'),
  stopped: t('中途停下', 'Stopped part-way'),
  stopRate: t('中途停下的比例', 'Stopped part-way'),
}

/** Lesson starts (step 1 reached) and completions (step 0) from the anonymous daily counts, by course, day and lesson. */
async function build(ctx: StatisticsContext): Promise<StatisticsSection> {
  const [rows, catalogue] = await Promise.all([
    ctx.db.selectFrom('course_activity').select(['day', 'course_slug', 'lesson_slug', 'step', 'count'])
      .where('city_slug', '=', ctx.city.slug).where('day', '>=', ctx.from).where('day', '<=', ctx.to).where('step', 'in', [0, 1]).execute(),
    courseCatalogue(ctx.event, ctx.city.slug),
  ])
  const courses: Label[] = catalogue.map(c => ({ key: c.slug, label: c.title }))
  const lessons: Array<Label & { course: string }> = catalogue.flatMap(c => c.lessons.map(l => ({
    key: `${c.slug}/${l.slug}`, course: c.slug, label: { zh: `${c.title.zh} · ${l.title.zh}`, en: `${c.title.en} · ${l.title.en}` },
  })))
  const known = new Set(lessons.map(l => l.key))
  const days = [...new Set(rows.map(r => r.day))].sort().map(d => ({ key: d, label: { zh: d, en: d } }))
  const sums = new Map<string, number>()
  for (const r of rows) {
    if (!known.has(`${r.course_slug}/${r.lesson_slug}`)) continue
    const m = r.step === 1 ? 'starts' : 'completions'
    for (const f of [TOTAL, `course=${r.course_slug}`, `day=${r.day}`, `lesson=${r.course_slug}/${r.lesson_slug}`]) sums.set(`${m}|${f}`, (sums.get(`${m}|${f}`) ?? 0) + Number(r.count))
  }
  const system = new CountSystem(cellScope(ctx, 'courses'))
  const get = (k: string) => sums.get(k) ?? 0
  const filters = [TOTAL, ...courses.map(c => `course=${c.key}`), ...days.map(d => `day=${d.key}`), ...lessons.map(l => `lesson=${l.key}`)]
  for (const f of filters) for (const m of ['starts', 'completions']) system.count(`${m}|${f}`, get(`${m}|${f}`))
  for (const m of ['starts', 'completions']) {
    system.sum(`${m}|${TOTAL}`, courses.map(c => `${m}|course=${c.key}`))
    system.sum(`${m}|${TOTAL}`, days.map(d => `${m}|day=${d.key}`))
    for (const c of courses) system.sum(`${m}|course=${c.key}`, lessons.filter(l => l.course === c.key).map(l => `${m}|lesson=${l.key}`))
  }
  // Who started a lesson and did not finish it, where that adds up (a finish can be counted on a later day than its start).
  for (const l of lessons) {
    const f = `lesson=${l.key}`
    const stopped = get(`starts|${f}`) - get(`completions|${f}`)
    system.count(`stopped|${f}`, Math.max(0, stopped))
    if (stopped >= 0) system.sum(`starts|${f}`, [`completions|${f}`, `stopped|${f}`])
  }
  const f = (dim: string) => (row: string) => (row === TOTAL ? TOTAL : `${dim}=${row}`)
  const basic = (dim: string) => [
    protectedColumn(system, 'lesson_starts', LABELS.starts, r => `starts|${f(dim)(r)}`),
    protectedColumn(system, 'lessons_finished', LABELS.completions, r => `completions|${f(dim)(r)}`),
    rateColumn(system, 'finished_rate', LABELS.rate, r => `completions|${f(dim)(r)}`, r => `starts|${f(dim)(r)}`),
  ]
  const stops = table({
    id: 'courses-where-people-stop', title: t('在哪一课停下', 'Where people stop'),
    description: t('每一课开始学习的人次、学完的人次和中途停下的人次。', 'For each lesson: how many times it was started, finished, and left part-way.'),
    rowDimension: { key: 'lesson', label: t('课程 · 课', 'Course · lesson') }, columnDimension: { key: 'measure', label: t('指标', 'Measure') }, rows: lessons,
    columns: [
      protectedColumn(system, 'lesson_starts', LABELS.starts, r => `starts|lesson=${r}`),
      protectedColumn(system, 'lessons_finished', LABELS.completions, r => `completions|lesson=${r}`),
      protectedColumn(system, 'stopped', LABELS.stopped, r => `stopped|lesson=${r}`),
      rateColumn(system, 'stopped_rate', LABELS.stopRate, r => `stopped|lesson=${r}`, r => `starts|lesson=${r}`),
    ],
    totals: false, chart: { kind: 'bar', column: 'stopped_rate' },
  })
  const worst = stops.rows.filter(r => typeof r.cells[3] === 'number').sort((a, b) => (b.cells[3] as number) - (a.cells[3] as number))[0]
  return {
    title: t('技能课程', 'Skills courses'),
    headline: worst ? { zh: `最多人中途停下的是“${worst.label.zh}”：${worst.cells[3]}% 的人没有学完。`, en: `Most people stop part-way in "${worst.label.en}": ${worst.cells[3]}% did not finish it.` } : null,
    source: t('课程播放器的匿名计数：每天每课有多少次走到第一步、多少次学完，不记录任何人。', 'Anonymous counts from the lesson player: per day and lesson, how often the first step was reached and the lesson finished; nothing about any person.'),
    figures: [
      { id: 'lesson_starts', label: LABELS.starts, value: system.cell(`starts|${TOTAL}`), unit: 'count' },
      { id: 'lessons_finished', label: LABELS.completions, value: system.cell(`completions|${TOTAL}`), unit: 'count' },
      { id: 'finished_rate', label: LABELS.rate, value: system.rate(`completions|${TOTAL}`, `starts|${TOTAL}`), unit: 'percent' },
    ],
    tables: [
      table({ id: 'courses-by-course', title: t('各门课程的学习', 'Learning by course'), description: t('每门课各课开始和学完的人次。', 'Lesson starts and finishes per course.'),
        rowDimension: { key: 'course', label: t('课程', 'Course') }, columnDimension: { key: 'measure', label: t('指标', 'Measure') }, rows: courses, columns: basic('course'), totals: true, chart: { kind: 'bar', column: 'lesson_starts' } }),
      table({ id: 'courses-by-day', title: t('每天的学习', 'Learning by day'), description: t('按北京时间的日期统计。', 'By day, Beijing time.'),
        rowDimension: { key: 'day', label: t('日期', 'Day') }, columnDimension: { key: 'measure', label: t('指标', 'Measure') }, rows: days, columns: basic('day'), totals: true, chart: { kind: 'line', column: 'lesson_starts' } }),
      stops,
    ],
  }
}

export const courseStatistics: SectionBuilder = {
  key: 'courses',
  build,
  years: async (db, city) => {
    const r = await db.selectFrom('course_activity').where('city_slug', '=', city).select(({ fn }) => [fn.min('day').as('first'), fn.max('day').as('last')]).executeTakeFirst()
    return yearsOf([r?.first ? `${r.first}T04:00:00.000Z` : null, r?.last ? `${r.last}T04:00:00.000Z` : null], true)
  },
}
