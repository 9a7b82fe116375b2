import { sql } from 'kysely'
import type { LocalizedText } from '#shared/primitives'
import type { StatisticsCell, StatisticsSection } from '#shared/statistics/views'
import { HIDDEN_MARKER } from '#shared/statistics/views'
import { cellScope, yearsOf, type SectionBuilder, type StatisticsContext } from '~~/server/statistics/context'
import { CountSystem } from '~~/server/statistics/system'
import { protectedColumn, table, TOTAL, type Label } from '~~/server/statistics/tables'
import { stateOf, teamsOf } from './contests'

const t = (zh: string, en: string): LocalizedText => ({ zh, en })

/**
 * Entries per team of the year's contests as the leaderboard counts them (disqualified entries left
 * out, at least one answer), and the share of questions answered right. While a contest's
 * leaderboard is shown (live, or once closed) its teams' entries and means are public, so they are
 * exact here; before, they are protected. The contests' pages show each contest's entries: the figure.
 */
async function build(ctx: StatisticsContext): Promise<StatisticsSection> {
  const contests = await ctx.db.selectFrom('contests').selectAll().where('city_slug', '=', ctx.city.slug)
    .where('opens_at', '>=', ctx.fromIso).where('opens_at', '<', ctx.toIso).orderBy('opens_at').execute()
  const entries = contests.length
    ? await ctx.db.selectFrom('contest_entries').where('contest_id', 'in', contests.map(c => c.id)).where('disqualified_at', 'is', null)
        .select(['contest_id', 'team', sql<number>`count(*)`.as('n'), sql<number>`sum(case when answered > 0 then 1 else 0 end)`.as('played'),
          sql<number>`sum(answered)`.as('answered'), sql<number>`sum(correct)`.as('correct')])
        .groupBy(['contest_id', 'team']).execute()
    : []
  const now = ctx.now.toISOString()
  const shown = new Set(contests.filter(c => c.leaderboard === 'live' || stateOf(c, now) === 'closed').map(c => c.slug))
  const rows: Label[] = contests.flatMap(c => teamsOf(c, ctx.city).map(team => ({
    key: `${c.slug}/${team.code}`, label: { zh: `${c.title_zh} · ${team.name.zh}`, en: `${c.title_en || c.title_zh} · ${team.name.en || team.name.zh}` },
  })))
  const slugOf = new Map(contests.map(c => [c.id, c.slug]))
  const exact = new Map(entries.map(e => [`${slugOf.get(e.contest_id)}/${e.team}`, e]))
  const system = new CountSystem(cellScope(ctx, 'contests'))
  const isShown = (row: string) => shown.has(row.slice(0, row.indexOf('/')))
  for (const r of rows) system.count(`entries|${r.key}`, Number(exact.get(r.key)?.played ?? 0), isShown(r.key) ? 'public' : 'protected')
  system.count(`entries|${TOTAL}`, rows.reduce((n, r) => n + Number(exact.get(r.key)?.played ?? 0), 0), rows.every(r => isShown(r.key)) ? 'public' : 'protected')
  system.sum(`entries|${TOTAL}`, rows.map(r => `entries|${r.key}`))
  system.count(`all|${TOTAL}`, entries.reduce((n, e) => n + Number(e.n), 0), 'public')
  // A team's share of right answers is about its entrants: shown with its leaderboard, else withheld unless its entry count is shown.
  const correctRate = (row: string): StatisticsCell => {
    const cell = system.cell(`entries|${row}`)
    if (typeof cell !== 'number') return HIDDEN_MARKER
    const of = row === TOTAL ? entries : [exact.get(row)].filter(e => !!e)
    const answered = of.reduce((n, e) => n + Number(e!.answered), 0)
    return cell === 0 || answered === 0 ? null : Math.round((1000 * of.reduce((n, e) => n + Number(e!.correct), 0)) / answered) / 10
  }
  return {
    title: t('知识竞赛', 'Knowledge contest'),
    headline: null,
    source: t('竞赛报名记录：每个验证过的手机号一次，按队伍统计；取消资格的不计。', 'Contest entries, one per verified number, counted by team; disqualified entries are left out.'),
    figures: [{ id: 'entries', label: t('参赛人次', 'Entries'), value: system.cell(`all|${TOTAL}`), unit: 'count' }],
    tables: [table({
      id: 'contest-entries-by-team', title: t('各队参赛人数', 'Entries by team'), description: t('当年每场竞赛每支队伍的参赛人数（至少答了一题的，和排行榜一样）和答对的比例。', 'Entries per team in each of the year\'s contests (those with at least one answer, as the leaderboard counts them), and the share of questions answered right.'),
      rowDimension: { key: 'team', label: t('竞赛 · 队伍', 'Contest · team') }, columnDimension: { key: 'measure', label: t('指标', 'Measure') }, rows,
      columns: [
        protectedColumn(system, 'entries', t('参赛人数', 'Entries'), r => `entries|${r}`),
        { key: 'correct_rate', label: t('答对的比例', 'Answered right'), unit: 'percent', cell: correctRate, exact: row => system.isPublic(`entries|${row}`) },
      ],
      totals: true, chart: { kind: 'bar', column: 'entries' },
    })],
  }
}

export const contestStatistics: SectionBuilder = {
  key: 'contests',
  build,
  years: async (db, city) => {
    const r = await db.selectFrom('contests').where('city_slug', '=', city).select(({ fn }) => [fn.min('opens_at').as('first'), fn.max('opens_at').as('last')]).executeTakeFirst()
    return yearsOf([r?.first, r?.last], true)
  },
}
